/**
 * Arrow IPC decoding of Spark Connect results: every Spark type, compressed batches (LZ4_FRAME, ZSTD) included,
 * copied into compact columns or handed out as Arrow batches; and Arrow IPC encoding of local data sent to Spark.
 * Neither needs {@code --add-opens} on Java 17+.
 */
module io.sparkconnect.arrow {
  requires transitive org.apache.arrow.vector;
  requires transitive org.apache.arrow.memory.core;
  requires org.apache.arrow.format;
  // arrow-memory-core finds its allocator by reflection: the module must be in the graph of a named application.
  requires org.apache.arrow.memory.unsafe;
  requires aircompressor;
  // sun.misc.Unsafe reads the address of direct buffers, so received bytes are read in place.
  requires jdk.unsupported;

  exports io.sparkconnect.arrow;
}
