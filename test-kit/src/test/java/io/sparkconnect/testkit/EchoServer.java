package io.sparkconnect.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A plaintext TCP server on 127.0.0.1 that sends every byte back, standing in for a server behind a proxy. */
final class EchoServer implements AutoCloseable {
  private final ServerSocket listener;

  EchoServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(() -> {
      while (!listener.isClosed()) {
        try {
          Socket socket = listener.accept();
          daemon(() -> {
            try (socket) {
              socket.getInputStream().transferTo(socket.getOutputStream());
            } catch (IOException e) {
              // the client went away
            }
          });
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "echo-server");
    thread.setDaemon(true);
    thread.start();
  }
}
