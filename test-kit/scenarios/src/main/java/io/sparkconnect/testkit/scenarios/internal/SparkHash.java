package io.sparkconnect.testkit.scenarios.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Spark's {@code hash(...)} (Murmur3 x86 32-bit, seed 42, NULLs skipped) of values as the client decodes them, so
 * that a sum of hashes the server computes over a table can be compared with the same sum over collected rows.
 */
final class SparkHash {
  static final int SEED = 42;
  /** The SQL types (as {@code simpleString}) this class hashes as Spark does. */
  static final Set<String> TYPES = Set.of("tinyint", "smallint", "int", "bigint", "float", "double", "boolean",
      "string", "date", "timestamp", "timestamp_ntz");
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private SparkHash() {}

  /** {@code hash(value)} continuing from {@code seed}: the seed itself for NULL, as Spark chains columns. */
  static int hash(Object value, int seed) {
    if (value == null) {
      return seed;
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return hashInt(((Number) value).intValue(), seed);
    } else if (value instanceof Long) {
      return hashLong((Long) value, seed);
    } else if (value instanceof Double) {
      double d = (Double) value;
      return hashLong(d == 0.0 ? 0L : Double.doubleToLongBits(d), seed);
    } else if (value instanceof Float) {
      float f = (Float) value;
      return hashInt(f == 0.0f ? 0 : Float.floatToIntBits(f), seed);
    } else if (value instanceof Boolean) {
      return hashInt((Boolean) value ? 1 : 0, seed);
    } else if (value instanceof String) {
      return hashBytes(((String) value).getBytes(StandardCharsets.UTF_8), seed);
    } else if (value instanceof LocalDate) {
      return hashInt((int) ((LocalDate) value).toEpochDay(), seed);
    } else if (value instanceof Instant) {
      Instant instant = (Instant) value;
      return hashLong(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
          instant.getNano() / 1_000), seed);
    } else if (value instanceof LocalDateTime) {
      return hash(((LocalDateTime) value).toInstant(ZoneOffset.UTC), seed);
    }
    throw new IllegalArgumentException("Spark's hash of a " + value.getClass().getName() + " is not known here");
  }

  private static int hashInt(int input, int seed) {
    return fmix(mixH1(seed, mixK1(input)), 4);
  }

  private static int hashLong(long input, int seed) {
    int h1 = mixH1(seed, mixK1((int) input));
    h1 = mixH1(h1, mixK1((int) (input >>> 32)));
    return fmix(h1, 8);
  }

  /** Spark's {@code hashUnsafeBytes}: little-endian words, then each trailing byte mixed on its own (signed). */
  private static int hashBytes(byte[] bytes, int seed) {
    int aligned = bytes.length - bytes.length % 4;
    int h1 = seed;
    for (int i = 0; i < aligned; i += 4) {
      int word = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16 | bytes[i + 3] << 24;
      h1 = mixH1(h1, mixK1(word));
    }
    for (int i = aligned; i < bytes.length; i++) {
      h1 = mixH1(h1, mixK1(bytes[i]));
    }
    return fmix(h1, bytes.length);
  }

  private static int mixK1(int k1) {
    return Integer.rotateLeft(k1 * C1, 15) * C2;
  }

  private static int mixH1(int h1, int k1) {
    return Integer.rotateLeft(h1 ^ k1, 13) * 5 + 0xe6546b64;
  }

  private static int fmix(int h1, int length) {
    h1 ^= length;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    return h1 ^ h1 >>> 16;
  }
}
