package io.sparkconnect.transport.internal;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sparkconnect.spi.CredentialsProvider;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.TlsSettings;
import java.util.concurrent.TimeUnit;

/** Builds grpc-java channels on Netty, preferring native epoll and falling back to NIO. */
public final class NettyChannels {
  static {
    NettyJfrDefault.apply(System.getProperties());
  }

  private NettyChannels() {}

  /** Opens a channel for the settings; the caller owns the result and must close it. */
  public static Opened open(ChannelSettings settings) {
    boolean epoll = isEpollAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(
        settings.eventLoopThreads(),
        new DefaultThreadFactory("spark-connect-netty", true),
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    try {
      String userAgent = "spark-connect-java/" + LibraryVersion.get()
          + settings.userAgent().map(ua -> " " + ua).orElse("");
      NettyChannelBuilder builder = NettyChannelBuilder.forAddress(settings.host(), settings.port())
          .eventLoopGroup(group)
          .channelType(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
          .maxInboundMessageSize(settings.maxInboundMessageSize())
          .maxInboundMetadataSize(1024 * 1024)
          .userAgent(userAgent)
          .disableRetry();
      settings.keepAliveTime().ifPresent(time -> builder
          .keepAliveTime(time.toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveTimeout(settings.keepAliveTimeout().toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveWithoutCalls(false));
      TlsSettings tls = settings.tls();
      String tlsProvider = null;
      if (tls.enabled()) {
        SslContexts.Client ssl = SslContexts.forClient(tls);
        builder.sslContext(ssl.context()).useTransportSecurity();
        tls.authorityOverride().ifPresent(builder::overrideAuthority);
        tlsProvider = ssl.provider();
      } else {
        builder.usePlaintext();
      }
      ManagedChannel managed = builder.build();
      Channel channel = settings.headers().isEmpty()
          ? managed
          : ClientInterceptors.intercept(managed, new StaticHeadersInterceptor(settings.headers()));
      if (settings.credentials().isPresent()) {
        CredentialsProvider provider = settings.credentials().get();
        channel = ClientInterceptors.intercept(channel,
            new CredentialsInterceptor(provider, new ProviderCallCredentials(provider)));
      }
      return new Opened(managed, channel, group, epoll ? "epoll" : "nio", tlsProvider, userAgent);
    } catch (RuntimeException | Error e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** Whether native epoll can be used here; false off Linux or without the native jar. */
  public static boolean isEpollAvailable() {
    try {
      return Epoll.isAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }

  /** An open channel and the resources it owns. */
  public static final class Opened {
    private final ManagedChannel managedChannel;
    private final Channel channel;
    private final EventLoopGroup group;
    private final String transportName;
    private final String tlsProvider;
    private final String userAgent;

    Opened(ManagedChannel managedChannel, Channel channel, EventLoopGroup group, String transportName,
        String tlsProvider, String userAgent) {
      this.managedChannel = managedChannel;
      this.channel = channel;
      this.group = group;
      this.transportName = transportName;
      this.tlsProvider = tlsProvider;
      this.userAgent = userAgent;
    }

    public ManagedChannel managedChannel() {
      return managedChannel;
    }

    public Channel channel() {
      return channel;
    }

    public String transportName() {
      return transportName;
    }

    public String tlsProvider() {
      return tlsProvider;
    }

    public String userAgent() {
      return userAgent;
    }

    /** Shuts the channel down, waits up to the timeout for calls to end, then stops the event loop. */
    public void close(long timeout, TimeUnit unit) {
      managedChannel.shutdown();
      try {
        if (!managedChannel.awaitTermination(timeout, unit)) {
          managedChannel.shutdownNow();
          managedChannel.awaitTermination(1, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        managedChannel.shutdownNow();
        Thread.currentThread().interrupt();
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
  }
}
