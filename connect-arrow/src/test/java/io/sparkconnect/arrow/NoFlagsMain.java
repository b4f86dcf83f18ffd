package io.sparkconnect.arrow;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link NoJvmFlagsTest} in a JVM without {@code --add-opens}: decodes the streams of {@code rows} Samples rows
 * in the files it is given after the row count (heap, read-only and direct buffers, through both paths) and prints
 * what it read, and whether direct buffers are read in place.
 */
public final class NoFlagsMain {
  private NoFlagsMain() {}

  public static void main(String[] args) throws Exception {
    boolean nioOpen = java.nio.Buffer.class.getDeclaredField("address").trySetAccessible();
    System.out.println(nioOpen ? "java.nio is open" : "java.nio is closed");
    System.out.println("reads in place: " + ArrowChunk.readsInPlace());
    int rows = Integer.parseInt(args[0]);
    for (int i = 1; i < args.length; i++) {
      decode(Files.readAllBytes(Path.of(args[i])), rows);
    }
  }

  private static void decode(byte[] ipc, int rows) {
    ByteBuffer direct = ByteBuffer.allocateDirect(ipc.length).put(ipc).flip();
    for (ByteBuffer data : List.of(ByteBuffer.wrap(ipc), ByteBuffer.wrap(ipc).asReadOnlyBuffer(), direct)) {
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        decoder.expect(Samples.FIELDS);
        List<List<Object>> decoded = Samples.rows(decoder.add(ArrowChunk.whole(data.duplicate(), rows)));
        long[] seen = new long[1];
        decoder.forEach(ArrowChunk.of(data.duplicate(), rows, rows, 0, 1), root -> seen[0] += root.getRowCount());
        System.out.println(decoded.equals(Samples.expectedRows(0, rows)) && seen[0] == rows ? "decoded " + rows
            : "wrong rows " + decoded);
      }
    }
  }
}
