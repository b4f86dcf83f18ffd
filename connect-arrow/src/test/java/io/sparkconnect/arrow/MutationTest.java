package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sparkconnect.arrow.Ipc.Message;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * Randomly corrupted streams (fixed seed): every outcome is a successful decode or an {@link ArrowDecodingException},
 * never another throwable, a leak (closing the decoder would throw) or a hang.
 */
class MutationTest {
  private static final long SEED = 20_240_601L;
  private static final int MUTATIONS = 5_000;
  private static final long BUDGET_NANOS = Duration.ofSeconds(4).toNanos();
  private static final long[] INTERESTING = {0, 1, -1, 7, 8, 0x7F, 0xFF, Integer.MAX_VALUE, 0x7FFFFFF0,
      Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, 1L << 40};

  /** A valid stream, its announced rows, its expected schema and the positions of its length fields. */
  private record Base(byte[] ipc, long rows, List<ResultField> fields, int[] lengthFields) {}

  private static Base base(byte[] ipc, long rows, List<ResultField> fields) {
    List<Integer> positions = new ArrayList<>();
    for (Message message : Ipc.messages(ipc)) {
      positions.add(message.lengthPosition());
      int bodyLength = Ipc.bodyLengthPosition(ipc, message);
      if (bodyLength >= 0) {
        positions.add(bodyLength);
      }
      if (ipc[Ipc.headerTypePosition(ipc, message)] == org.apache.arrow.flatbuf.MessageHeader.RecordBatch) {
        positions.add(Ipc.rowCountPosition(ipc, message));
        for (int i = 0; i < 3; i++) {
          positions.add(Ipc.nodePosition(ipc, message, i));
          positions.add(Ipc.nodePosition(ipc, message, i) + 8);
          positions.add(Ipc.bufferPosition(ipc, message, i));
          positions.add(Ipc.bufferPosition(ipc, message, i) + 8);
        }
      }
    }
    return new Base(ipc, rows, fields, positions.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void corruptedStreamsDecodeOrFailWithADecodingException() {
    byte[] nested;
    byte[] flat;
    try (RootAllocator allocator = new RootAllocator()) {
      nested = Ipc.write(allocator, ResultDecoderKindsTest.NESTED, ResultDecoderKindsTest::fillNested);
      flat = Ipc.write(allocator, ResultDecoderKindsTest.FLAT, ResultDecoderKindsTest::fillFlat);
    }
    List<Base> bases = List.of(base(Samples.stream(0, 40), 40, Samples.FIELDS),
        base(nested, 3, ResultDecoderKindsTest.NESTED_FIELDS), base(flat, 3, ResultDecoderKindsTest.FLAT_FIELDS));
    int[] outcomes = new int[2];
    int ran = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random random = new Random(SEED);
      long start = System.nanoTime();
      int i = 0;
      for (; i < MUTATIONS && System.nanoTime() - start < BUDGET_NANOS; i++) {
        Base base = bases.get(random.nextInt(bases.size()));
        byte[] ipc = base.ipc().clone();
        StringBuilder what = new StringBuilder("mutation " + i + ":");
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
          ipc = mutate(ipc, base, random, what);
        }
        long rows = random.nextInt(10) == 0 ? random.nextInt(100) : base.rows();
        outcomes[decode(ipc, rows, base, random, what)]++;
      }
      return i;
    });
    assertTrue(ran >= 200, "only " + ran + " mutations ran in the budget");
    assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: " + Arrays.toString(outcomes));
  }

  private static byte[] mutate(byte[] ipc, Base base, Random random, StringBuilder what) {
    if (ipc.length == 0) {
      return ipc;
    }
    switch (random.nextInt(4)) {
      case 0: {
        int bit = random.nextInt(ipc.length * 8);
        ipc[bit / 8] ^= (byte) (1 << (bit % 8));
        what.append(" flip bit ").append(bit);
        return ipc;
      }
      case 1: {
        int length = random.nextInt(ipc.length);
        what.append(" truncate to ").append(length);
        return Arrays.copyOf(ipc, length);
      }
      case 2: {
        int position = base.lengthFields()[random.nextInt(base.lengthFields().length)];
        long value = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextLong();
        what.append(" set length field at ").append(position).append(" to ").append(value);
        return overwrite(ipc, position, value, random.nextBoolean() ? 8 : 4);
      }
      default: {
        int position = random.nextInt(ipc.length);
        long value = INTERESTING[random.nextInt(INTERESTING.length)];
        what.append(" write ").append(value).append(" at ").append(position);
        return overwrite(ipc, position, value, random.nextBoolean() ? 8 : 4);
      }
    }
  }

  private static byte[] overwrite(byte[] ipc, int position, long value, int width) {
    for (int b = 0; b < width && position + b < ipc.length; b++) {
      ipc[position + b] = (byte) (value >>> (8 * b));
    }
    return ipc;
  }

  /** 0: decoded, 1: decoding exception; anything else fails the test. */
  private static int decode(byte[] ipc, long rows, Base base, Random random, StringBuilder what) {
    List<ByteBuffer> chunks = Ipc.split(ipc, 1 + random.nextInt(3));
    boolean vectors = random.nextInt(4) == 0;
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(base.fields());
      Ipc.decodeAll(decoder, chunks, rows,
          vectors ? root -> root.getFieldVectors().forEach(v -> v.getNullCount()) : null);
      return 0;
    } catch (ArrowDecodingException e) {
      return 1;
    } catch (Throwable t) {
      fail(what + " (" + (vectors ? "forEach" : "add") + ", " + chunks.size() + " chunks, " + rows
          + " rows announced) threw " + t, t);
      return -1;
    }
  }
}
