package io.sparkconnect.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that forwards to a local server and injects the faults of real networks: it cuts each
 * connection after a number of bytes or milliseconds, stalls traffic, silences open connections without closing
 * them, and refuses connections. It only forwards to loopback targets, and stops by itself after a lifetime and a
 * byte budget. Thread-safe.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).cutAfterBytes(4 << 20).start()) {
 *   SparkSession.builder().remote(proxy.connectionString())...
 * }
 * }</pre>
 */
public final class FaultInjectingProxy implements AutoCloseable {
  private final int targetPort;
  private final long cutAfterBytes;
  private final long cutAfterMillis;
  private final long maxTotalBytes;
  private final ServerSocket listener;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean refusing = new AtomicBoolean();
  private final AtomicLong stallUntilNanos = new AtomicLong();
  private final AtomicLong totalBytes = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger cuts = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<AtomicBoolean> silencers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger silenced = new AtomicInteger();
  private final Thread acceptor;
  private final Thread lifetimeGuard;

  private FaultInjectingProxy(Builder builder) throws IOException {
    this.targetPort = builder.targetPort;
    this.cutAfterBytes = builder.cutAfterBytes;
    this.cutAfterMillis = builder.cutAfterMillis;
    this.maxTotalBytes = builder.maxTotalBytes;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + listener.getLocalPort());
    this.acceptor.setDaemon(true);
    long lifetime = builder.lifetime.toMillis();
    this.lifetimeGuard = new Thread(() -> {
      try {
        Thread.sleep(lifetime);
      } catch (InterruptedException e) {
        return;
      }
      close();
    }, "fault-proxy-lifetime");
    this.lifetimeGuard.setDaemon(true);
  }

  /** A proxy for a server listening on 127.0.0.1 at {@code targetPort}. */
  public static Builder builder(int targetPort) {
    return new Builder(targetPort);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The address clients use to go through the proxy. */
  public String connectionString() {
    return "sc://127.0.0.1:" + port();
  }

  /** How many connections were cut by the byte or time limit. */
  public int cuts() {
    return cuts.get();
  }

  public int connections() {
    return connections.get();
  }

  /** Bytes forwarded from the server to clients. */
  public long bytesForwarded() {
    return totalBytes.get();
  }

  /** Refuses new connections (accepts and closes them at once) while {@code true}. */
  public void refuseConnections(boolean refuse) {
    refusing.set(refuse);
  }

  /**
   * Refuses new connections for {@code duration} from now, then accepts them again, as a server that restarts
   * does; returns at once.
   */
  public void refuseConnectionsFor(Duration duration) {
    refuseConnections(true);
    Thread restore = new Thread(() -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        refuseConnections(false);
      }
    }, "fault-proxy-refusal-" + port());
    restore.setDaemon(true);
    restore.start();
  }

  /** Holds the traffic of open and new connections alike, both ways, for this long, as a hung network does. */
  public void stall(Duration duration) {
    stallUntilNanos.set(System.nanoTime() + duration.toNanos());
  }

  /**
   * From now on drops every byte of the connections open now, in both directions, and keeps them open, as a
   * dropped NAT entry or a dead middlebox does: neither side hears anything, nor that the connection is gone. New
   * connections are forwarded as usual. A silenced connection closes when one of its ends closes it.
   *
   * @return how many connections were silenced
   */
  public int silenceOpenConnections() {
    int count = 0;
    for (AtomicBoolean silencer : silencers) {
      if (silencer.compareAndSet(false, true)) {
        count++;
      }
    }
    silenced.addAndGet(count);
    return count;
  }

  /** How many connections {@link #silenceOpenConnections()} silenced. */
  public int silencedConnections() {
    return silenced.get();
  }

  /** Cuts every open connection now. */
  public void cutAll() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (refusing.get()) {
        closeQuietly(client);
        continue;
      }
      connections.incrementAndGet();
      try {
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
        open.add(client);
        open.add(server);
        long openedAt = System.nanoTime();
        AtomicLong connectionBytes = new AtomicLong();
        AtomicBoolean silencer = new AtomicBoolean();
        silencers.add(silencer);
        pump(client, server, null, openedAt, silencer, "up");
        pump(server, client, connectionBytes, openedAt, silencer, "down");
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** Copies one direction, or drops it once silenced; counts and cuts the server-to-client direction. */
  private void pump(Socket from, Socket to, AtomicLong counted, long openedAt, AtomicBoolean silencer,
      String direction) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          waitWhileStalled();
          if (silencer.get()) {
            continue;
          }
          if (counted != null) {
            long sent = counted.get();
            long allowed = cutAfterBytes > 0 ? cutAfterBytes - sent : Long.MAX_VALUE;
            boolean expired = cutAfterMillis > 0 && (System.nanoTime() - openedAt) / 1_000_000 >= cutAfterMillis;
            if (allowed <= 0 || expired) {
              cut(from, to);
              return;
            }
            int forward = (int) Math.min(n, allowed);
            out.write(buffer, 0, forward);
            counted.addAndGet(forward);
            if (totalBytes.addAndGet(forward) > maxTotalBytes) {
              close();
              return;
            }
            if (forward < n) {
              out.flush();
              cut(from, to);
              return;
            }
          } else {
            out.write(buffer, 0, n);
          }
          out.flush();
        }
      } catch (IOException e) {
        // the other side closed or the connection was cut
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
        silencers.remove(silencer);
      }
    }, "fault-proxy-" + direction + "-" + port());
    thread.setDaemon(true);
    thread.start();
  }

  private void cut(Socket a, Socket b) {
    cuts.incrementAndGet();
    closeQuietly(a);
    closeQuietly(b);
  }

  private void waitWhileStalled() {
    long remaining;
    while ((remaining = stallUntilNanos.get() - System.nanoTime()) > 0 && !closed.get()) {
      try {
        Thread.sleep(Math.min(50, remaining / 1_000_000 + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private FaultInjectingProxy begin() {
    acceptor.start();
    lifetimeGuard.start();
    return this;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        listener.close();
      } catch (IOException e) {
        // already closed
      }
      cutAll();
      lifetimeGuard.interrupt();
    }
  }

  /** Configures a {@link FaultInjectingProxy}. Not thread-safe. */
  public static final class Builder {
    private final int targetPort;
    private long cutAfterBytes;
    private long cutAfterMillis;
    private long maxTotalBytes = 4L << 30;
    private Duration lifetime = Duration.ofMinutes(10);

    private Builder(int targetPort) {
      if (targetPort < 1 || targetPort > 65535) {
        throw new IllegalArgumentException("target port must be between 1 and 65535, got " + targetPort);
      }
      this.targetPort = targetPort;
    }

    /** Cuts each connection once it has carried this many bytes from the server. */
    public Builder cutAfterBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("cutAfterBytes must be positive, got " + bytes);
      }
      this.cutAfterBytes = bytes;
      return this;
    }

    /** Cuts each connection once it has been open this long and the server sends more. */
    public Builder cutAfter(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("cutAfter must be positive, got " + duration);
      }
      this.cutAfterMillis = duration.toMillis();
      return this;
    }

    /** Stops the proxy after it forwarded this many bytes in all (default 4 GiB). */
    public Builder maxTotalBytes(long bytes) {
      this.maxTotalBytes = bytes;
      return this;
    }

    /** Stops the proxy after this long (default 10 minutes). */
    public Builder lifetime(Duration lifetime) {
      this.lifetime = lifetime;
      return this;
    }

    public FaultInjectingProxy start() {
      try {
        return new FaultInjectingProxy(this).begin();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot open the proxy's port on 127.0.0.1", e);
      }
    }
  }
}
