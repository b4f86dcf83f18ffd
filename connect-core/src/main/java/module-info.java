/**
 * The Spark Connect client API: {@code SparkSession}, lazy {@code DataFrame}s, {@code Column}s and {@code
 * functions}, typed {@code Row}s and a typed exception hierarchy, for Spark 3.5 and 4.x servers.
 */
module io.sparkconnect.core {
  requires transitive io.sparkconnect.transport;
  requires transitive io.sparkconnect.arrow;
  requires transitive io.sparkconnect.spi;
  requires io.sparkconnect.proto;
  requires io.grpc.stub;
  requires com.google.protobuf;
  requires aircompressor;
  requires com.fasterxml.jackson.databind;
  requires java.sql;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires org.slf4j;

  exports io.sparkconnect.sql;
  exports io.sparkconnect.sql.catalog;
  exports io.sparkconnect.sql.streaming;
  exports io.sparkconnect.sql.types;
}
