package io.sparkconnect.arrow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Run by {@link EncoderNoJvmFlagsTest} in a JVM without {@code --add-opens}: encodes rows of every type, and a
 * {@link VectorSchemaRoot} filled with Arrow Java, decodes both, and prints what matched.
 */
public final class EncoderNoFlagsMain {
  private EncoderNoFlagsMain() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    boolean nioOpen = java.nio.Buffer.class.getDeclaredField("address").trySetAccessible();
    System.out.println(nioOpen ? "java.nio is open" : "java.nio is closed");
    int count = Integer.parseInt(args[0]);

    List<Object[]> rows = EncoderSamples.rows(count);
    byte[] ipc = ArrowEncoder.create(EncoderSamples.SCHEMA, 7, Long.MAX_VALUE).encode(rows);
    System.out.println(ArrowEncoderTest.decode(ipc, count).equals(ArrowEncoderTest.expected(rows))
        ? "rows encoded " + count : "wrong rows");

    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(Samples.SCHEMA, allocator)) {
      Samples.fill(root, 0, count);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ArrowEncoder.write(root, out, 7, Long.MAX_VALUE);
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        decoder.expect(Samples.FIELDS);
        List<List<Object>> decoded = Samples.rows(decoder.add(ArrowChunk.whole(ByteBuffer.wrap(out.toByteArray()),
            count)));
        System.out.println(decoded.equals(Samples.expectedRows(0, count)) ? "root encoded " + count : "wrong root");
      }
    }
  }
}
