/**
 * Connections to Spark Connect servers: {@code sc://} connection strings and gRPC channels on Netty with TLS,
 * mTLS, credentials (bearer tokens and refreshable providers), extra headers and message-size limits.
 */
module io.sparkconnect.transport {
  requires transitive io.grpc;
  requires transitive io.sparkconnect.spi;
  requires io.grpc.netty;
  requires io.netty.common;
  requires io.netty.transport;
  requires io.netty.handler;
  requires io.netty.transport.classes.epoll;
  // grpc-netty is an automatic module: Netty's modules that it uses are resolved only when a named module asks.
  requires io.netty.codec.http2;
  requires io.netty.codec.http;
  requires io.netty.transport.unix.common;

  exports io.sparkconnect.transport;
  exports io.sparkconnect.transport.internal to io.sparkconnect.core, io.sparkconnect.testkit;
}
