package io.sparkconnect.transport;

import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.sparkconnect.transport.internal.NettyChannels;
import io.sparkconnect.transport.internal.ProviderCallCredentials;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An open gRPC channel to one Spark Connect server, with the event loop it owns. Thread-safe; share one between
 * many sessions. {@link #close()} shuts both down and waits briefly for calls to finish.
 *
 * <pre>{@code
 * try (ConnectChannel channel = ConnectChannel.open(ChannelSettings.of(ConnectionString.parse("sc://localhost")))) {
 *   SparkConnectServiceGrpc.newBlockingStub(channel.channel()).analyzePlan(...);
 * }
 * }</pre>
 */
public final class ConnectChannel implements AutoCloseable {
  private final ChannelSettings settings;
  private final NettyChannels.Opened opened;
  private final CallCredentials callCredentials;

  private ConnectChannel(ChannelSettings settings, NettyChannels.Opened opened) {
    this.settings = settings;
    this.opened = opened;
    this.callCredentials = settings.credentials().map(ProviderCallCredentials::new).orElse(null);
  }

  /**
   * Opens a channel. Connecting is lazy: this does no network I/O, so an unreachable server shows up on the first
   * call.
   *
   * @throws TransportException if TLS material cannot be loaded
   */
  public static ConnectChannel open(ChannelSettings settings) {
    return new ConnectChannel(settings, NettyChannels.open(settings));
  }

  /** The version of spark-connect-java, such as {@code 0.1.0}. */
  public static String clientVersion() {
    return io.sparkconnect.transport.internal.LibraryVersion.get();
  }

  /**
   * The channel to build stubs on; headers, user agent and credentials are already attached, and a unary or
   * server-streaming call whose credential the server refuses is sent once more if the provider can refresh it.
   */
  public Channel channel() {
    return opened.channel();
  }

  /**
   * Call credentials that send the configured credentials' {@code authorization} header, if any are configured.
   * {@link #channel()} attaches them to every call that carries no call credentials of its own, so stubs need
   * not.
   */
  public Optional<CallCredentials> callCredentials() {
    return Optional.ofNullable(callCredentials);
  }

  public ChannelSettings settings() {
    return settings;
  }

  /** The Netty transport in use: {@code epoll} or {@code nio}. */
  public String transportName() {
    return opened.transportName();
  }

  /** The TLS provider in use ({@code OPENSSL} or {@code JDK}), or empty for plaintext. */
  public Optional<String> tlsProvider() {
    return Optional.ofNullable(opened.tlsProvider());
  }

  /** The user agent sent to the server. */
  public String userAgent() {
    return opened.userAgent();
  }

  /**
   * Makes calls from now on go over a new connection, for when the current one went silent without closing;
   * calls still running on the old connection go on until they end.
   */
  public void reconnect() {
    opened.managedChannel().enterIdle();
  }

  public boolean isClosed() {
    ManagedChannel channel = opened.managedChannel();
    return channel.isShutdown();
  }

  @Override
  public void close() {
    opened.close(5, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "ConnectChannel{" + settings + ", transport=" + transportName() + "}";
  }
}
