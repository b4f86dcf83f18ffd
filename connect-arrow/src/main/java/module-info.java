/**
 * Arrow IPC decoding of Spark Connect results: every Spark type, copied into compact columns or handed out as
 * Arrow batches, with no {@code --add-opens} needed on Java 17+.
 */
module io.sparkconnect.arrow {
  requires transitive org.apache.arrow.vector;
  requires transitive org.apache.arrow.memory.core;
  requires org.apache.arrow.format;

  exports io.sparkconnect.arrow;
}
