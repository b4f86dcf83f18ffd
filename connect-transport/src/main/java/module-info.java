/**
 * Connections to Spark Connect servers: {@code sc://} connection strings and gRPC channels on Netty with TLS,
 * mTLS, bearer tokens, extra headers and message-size limits.
 */
module io.sparkconnect.transport {
  requires transitive io.grpc;
  requires io.grpc.netty;
  requires io.netty.common;
  requires io.netty.transport;
  requires io.netty.handler;
  requires io.netty.transport.classes.epoll;

  exports io.sparkconnect.transport;
  exports io.sparkconnect.transport.internal to io.sparkconnect.core, io.sparkconnect.testkit;
}
