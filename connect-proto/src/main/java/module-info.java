/**
 * The Spark Connect wire protocol: protobuf messages and gRPC stubs generated from Spark's own {@code .proto}
 * files, relocated to {@code io.sparkconnect.proto} so they never clash with Spark's classes on one classpath.
 */
module io.sparkconnect.proto {
  requires transitive com.google.protobuf;
  requires transitive io.grpc;
  requires transitive io.grpc.stub;
  requires io.grpc.protobuf;
  requires com.google.common;
  // Guava is an automatic module: its explicit failureaccess module is resolved only when a named module asks.
  requires com.google.common.util.concurrent.internal;

  exports io.sparkconnect.proto;
}
