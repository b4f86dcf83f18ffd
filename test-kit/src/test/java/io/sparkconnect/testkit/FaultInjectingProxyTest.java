package io.sparkconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's faults against a loopback echo server, without Spark. */
class FaultInjectingProxyTest {
  private ServerSocket echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket socket = echo.accept();
          Thread copier = new Thread(() -> {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException e) {
              // the test closed the connection
            }
          });
          copier.setDaemon(true);
          copier.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stopEcho() throws IOException {
    echo.close();
  }

  private static Socket connect(FaultInjectingProxy proxy) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(500);
    return socket;
  }

  private static int roundTrip(Socket socket, int value) throws IOException {
    socket.getOutputStream().write(value);
    socket.getOutputStream().flush();
    return socket.getInputStream().read();
  }

  @Test
  void silencedConnectionsStayOpenAndSayNothingWhileNewOnesGetThrough() throws Exception {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(echo.getLocalPort())
        .lifetime(Duration.ofMinutes(1)).start();
        Socket old = connect(proxy)) {
      assertEquals('a', roundTrip(old, 'a'));
      assertEquals(1, proxy.silenceOpenConnections());
      assertThrows(SocketTimeoutException.class, () -> roundTrip(old, 'b'),
          "no answer and no end of stream: the connection is silent, not closed");
      try (Socket fresh = connect(proxy)) {
        assertEquals('c', roundTrip(fresh, 'c'), "a new connection is forwarded");
        assertThrows(SocketTimeoutException.class, () -> old.getInputStream().read(),
            "the silenced connection stays silent");
      }
      assertEquals(1, proxy.silencedConnections());
    }
  }
}
