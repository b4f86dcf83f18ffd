package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sparkconnect.arrow.Ipc.Message;
import io.sparkconnect.arrow.Recorded.Payload;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.BaseRepeatedValueVector;
import org.junit.jupiter.api.Test;

/**
 * Mutates the Arrow batches recorded from real Spark servers (every Spark type; compressed batches from 4.1) with bit
 * flips, truncation, splices and length fields set to huge or random values, and decodes each through both paths:
 * every outcome must be a decode or an {@link ArrowDecodingException}; never another throwable, an {@link
 * OutOfMemoryError}, leaked Arrow memory (closing the decoder would throw) or a case running over its time budget.
 * Deterministic: case {@code i} of a seed is always the same mutation. {@code -Darrow.fuzz.seconds=N} and {@code
 * -Darrow.fuzz.seed=S} run it longer or differently.
 */
class RecordedFuzzTest {
  private static final long SEED = Long.getLong("arrow.fuzz.seed", 0x5EED_A770L);
  private static final long BUDGET_NANOS = Duration.ofSeconds(Long.getLong("arrow.fuzz.seconds", 5)).toNanos();
  private static final int MIN_CASES = 2_000;
  private static final long CASE_TIMEOUT_SECONDS = 10;
  /** A small Arrow memory limit, used for some cases; the others run unlimited, as connect-core's decoder does. */
  private static final long SMALL_LIMIT = 1 << 20;
  private static final long[] INTERESTING = {0, 1, -1, -2, 7, 8, 9, 0x7F, 0xFF, 0x7FFF, 0xFFFF, Integer.MAX_VALUE,
      Integer.MAX_VALUE - 7, 0x7FFFFFF0, Integer.MIN_VALUE, 0xFFFF_FFFFL, 1L << 31, 1L << 32, 1L << 40,
      Long.MAX_VALUE, Long.MIN_VALUE};

  /** A recording and where its length fields lie, each with its width in bytes. */
  private record Target(Payload payload, List<ResultField> fields, int[] positions, int[] widths, int bodyStart,
      int bodyEnd) {}

  private static Target target(Payload payload) {
    byte[] ipc = payload.ipc();
    List<Integer> positions = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    int bodyStart = ipc.length;
    int bodyEnd = ipc.length;
    for (Message message : Ipc.messages(ipc)) {
      add(positions, widths, message.lengthPosition(), 4);
      add(positions, widths, Ipc.bodyLengthPosition(ipc, message), 8);
      if (ipc[Ipc.headerTypePosition(ipc, message)] != MessageHeader.RecordBatch) {
        continue;
      }
      bodyStart = message.bodyStart();
      bodyEnd = message.end();
      add(positions, widths, Ipc.rowCountPosition(ipc, message), 8);
      for (int i = 0; i < Ipc.nodeCount(ipc, message); i++) {
        add(positions, widths, Ipc.nodePosition(ipc, message, i), 8);
        add(positions, widths, Ipc.nodePosition(ipc, message, i) + 8, 8);
      }
      add(positions, widths, Ipc.nodePosition(ipc, message, 0) - 4, 4);
      boolean compressed = Ipc.compressed(ipc, message);
      for (int i = 0; i < Ipc.bufferCount(ipc, message); i++) {
        int position = Ipc.bufferPosition(ipc, message, i);
        add(positions, widths, position, 8);
        add(positions, widths, position + 8, 8);
        long length = Ipc.getLong(ipc, position + 8);
        int at = message.bodyStart() + (int) Ipc.getLong(ipc, position);
        if (compressed && length >= 8) {
          add(positions, widths, at, 8);
          if (Ipc.getLong(ipc, at) > 0) {
            frameLengths(ipc, at + 8, positions, widths);
          }
        }
      }
      add(positions, widths, Ipc.bufferPosition(ipc, message, 0) - 4, 4);
    }
    return new Target(payload, payload.fields(), positions.stream().mapToInt(Integer::intValue).toArray(),
        widths.stream().mapToInt(Integer::intValue).toArray(), bodyStart, bodyEnd);
  }

  /** The content size and first block size of an LZ4 or Zstandard frame. */
  private static void frameLengths(byte[] ipc, int frame, List<Integer> positions, List<Integer> widths) {
    int magic = Ipc.getInt(ipc, frame);
    if (magic == Compressors.LZ4_MAGIC) {
      boolean contentSize = (ipc[frame + 4] & 0x08) != 0;
      if (contentSize) {
        add(positions, widths, frame + 6, 8);
      }
      add(positions, widths, frame + 7 + (contentSize ? 8 : 0), 4);
    } else if (magic == Compressors.ZSTD_MAGIC) {
      int descriptor = ipc[frame + 4] & 0xFF;
      boolean singleSegment = (descriptor & 0x20) != 0;
      int sizeFlag = descriptor >>> 6;
      int sizeWidth = sizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << sizeFlag;
      int at = frame + 5 + (singleSegment ? 0 : 1) + new int[] {0, 1, 2, 4}[descriptor & 3];
      if (sizeWidth > 0) {
        add(positions, widths, at, sizeWidth);
      }
      add(positions, widths, at + sizeWidth, 3);
    }
  }

  /** Adds a length field; flatbuffers leave out fields of default value (their position is -1). */
  private static void add(List<Integer> positions, List<Integer> widths, int position, int width) {
    if (position < 0) {
      return;
    }
    positions.add(position);
    widths.add(width);
  }

  @Test
  void mutatedRecordingsDecodeOrFailWithADecodingException() throws Exception {
    List<Target> targets = Recorded.all().stream().map(RecordedFuzzTest::target).toList();
    assertTrue(targets.stream().anyMatch(t -> t.payload().query().endsWith("_zstd"))
        && targets.stream().anyMatch(t -> t.payload().query().endsWith("_lz4")), "compressed recordings fuzzed");
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fuzz-case");
      thread.setDaemon(true);
      return thread;
    });
    int[] outcomes = new int[2];
    int cases = 0;
    try {
      Random random = new Random(SEED);
      long start = System.nanoTime();
      for (; System.nanoTime() - start < BUDGET_NANOS; cases++) {
        Target target = targets.get(random.nextInt(targets.size()));
        long caseSeed = random.nextLong();
        String what = "case " + cases + " (seed " + SEED + ", case seed " + caseSeed + ") of " + target.payload();
        Future<Integer> outcome = worker.submit(() -> run(target, new Random(caseSeed), new StringBuilder(what)));
        try {
          outcomes[outcome.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS)]++;
        } catch (TimeoutException e) {
          fail(what + " ran over its budget of " + CASE_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
          throw new AssertionError(e.getCause().getMessage(), e.getCause());
        }
      }
    } finally {
      worker.shutdownNow();
    }
    System.out.println("RecordedFuzzTest: " + cases + " cases, " + outcomes[0] + " decoded, " + outcomes[1]
        + " decoding exceptions");
    assertTrue(cases >= MIN_CASES, "only " + cases + " cases ran in the budget");
    assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: " + Arrays.toString(outcomes));
  }

  /** One case: 0 if it decoded, 1 if it failed with a decoding exception; anything else fails the test. */
  private static int run(Target target, Random random, StringBuilder what) {
    byte[] ipc = target.payload().ipc().clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      ipc = mutate(ipc, target, random, what);
    }
    long rows = random.nextInt(10) == 0 ? random.nextInt(200) : target.payload().rows();
    List<ByteBuffer> chunks = Ipc.split(ipc, 1 + random.nextInt(3));
    boolean vectors = random.nextInt(3) == 0;
    boolean expect = !vectors || random.nextBoolean();
    long limit = random.nextInt(4) == 0 ? SMALL_LIMIT : Long.MAX_VALUE;
    what.append(" (").append(vectors ? "forEach" : "add").append(expect ? " with" : " without")
        .append(" a schema, ").append(chunks.size()).append(" chunks, ").append(rows).append(" rows announced, ")
        .append(limit == Long.MAX_VALUE ? "no" : "a 1 MiB").append(" memory limit)");
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), limit)) {
      if (expect) {
        decoder.expect(target.fields());
      }
      Ipc.decodeAll(decoder, chunks, rows, vectors ? RecordedFuzzTest::touch : null);
      return 0;
    } catch (ArrowDecodingException e) {
      return 1;
    } catch (Throwable t) {
      throw new AssertionError(what + " threw " + t, t);
    }
  }

  /** Reads what a caller of forEach relies on: every validity bit, value range and list range. */
  private static void touch(VectorSchemaRoot root) {
    for (FieldVector vector : root.getFieldVectors()) {
      touch(vector);
    }
  }

  private static void touch(FieldVector vector) {
    for (int i = 0; i < vector.getValueCount(); i++) {
      if (vector.isNull(i)) {
        continue;
      }
      if (vector instanceof BaseVariableWidthVector) {
        ((BaseVariableWidthVector) vector).get(i);
      } else if (vector instanceof BaseLargeVariableWidthVector) {
        ((BaseLargeVariableWidthVector) vector).get(i);
      } else if (vector instanceof BaseRepeatedValueVector) {
        BaseRepeatedValueVector list = (BaseRepeatedValueVector) vector;
        int end = list.getOffsetBuffer().getInt((i + 1L) * 4);
        if (end > list.getDataVector().getValueCount()) {
          throw new IllegalStateException("list " + i + " ends at " + end + ", past its elements");
        }
      }
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      touch(child);
    }
  }

  private static byte[] mutate(byte[] ipc, Target target, Random random, StringBuilder what) {
    if (ipc.length == 0) {
      return ipc;
    }
    switch (random.nextInt(7)) {
      case 0: {
        int bit = random.nextInt(ipc.length * 8);
        ipc[bit / 8] ^= (byte) (1 << (bit % 8));
        what.append(" flip bit ").append(bit);
        return ipc;
      }
      case 1: {
        int from = Math.min(target.bodyStart(), ipc.length - 1);
        int to = Math.min(target.bodyEnd(), ipc.length);
        int bit = from * 8 + random.nextInt(Math.max(1, (to - from) * 8));
        ipc[bit / 8] ^= (byte) (1 << (bit % 8));
        what.append(" flip body bit ").append(bit);
        return ipc;
      }
      case 2: {
        int length = random.nextInt(ipc.length);
        what.append(" truncate to ").append(length);
        return Arrays.copyOf(ipc, length);
      }
      case 3:
      case 4: {
        int field = random.nextInt(target.positions().length);
        int position = target.positions()[field];
        int width = target.widths()[field];
        long value = value(ipc, position, width, random);
        what.append(" set the ").append(width).append("-byte length at ").append(position).append(" to ")
            .append(value);
        return overwrite(ipc, position, value, width);
      }
      case 5: {
        int position = random.nextInt(ipc.length);
        long value = INTERESTING[random.nextInt(INTERESTING.length)];
        int width = random.nextBoolean() ? 8 : 4;
        what.append(" write ").append(value).append(" (").append(width).append(" bytes) at ").append(position);
        return overwrite(ipc, position, value, width);
      }
      default: {
        int from = random.nextInt(ipc.length);
        int length = 1 + random.nextInt(Math.min(64, ipc.length - from));
        if (random.nextBoolean()) {
          what.append(" delete ").append(length).append(" bytes at ").append(from);
          return Ipc.concat(Arrays.copyOf(ipc, from), Arrays.copyOfRange(ipc, from + length, ipc.length));
        }
        what.append(" repeat ").append(length).append(" bytes at ").append(from);
        return Ipc.concat(Arrays.copyOf(ipc, from + length), Arrays.copyOfRange(ipc, from, ipc.length));
      }
    }
  }

  /** A value for a length field: an interesting one, a random one, or one near its current value. */
  private static long value(byte[] ipc, int position, int width, Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return INTERESTING[random.nextInt(INTERESTING.length)];
      case 1:
        return random.nextLong();
      default:
        long current = 0;
        for (int b = width - 1; b >= 0; b--) {
          current = current << 8 | (position + b < ipc.length ? ipc[position + b] & 0xFF : 0);
        }
        return current + random.nextInt(33) - 16;
    }
  }

  private static byte[] overwrite(byte[] ipc, int position, long value, int width) {
    for (int b = 0; b < width && position + b < ipc.length; b++) {
      ipc[position + b] = (byte) (value >>> (8 * b));
    }
    return ipc;
  }
}
