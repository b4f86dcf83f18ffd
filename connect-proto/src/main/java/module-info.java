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

  exports io.sparkconnect.proto;
}
