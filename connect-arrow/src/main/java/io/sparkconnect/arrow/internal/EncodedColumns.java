package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Columns that keep a batch's values as Arrow encodes them (UTF-8 bytes, timestamp units, 128-bit unscaled
 * decimals) and build the Java value on each read: a held result costs its bytes, not an object per cell, and
 * values never read are never built. Every read of a cell returns an equal value.
 */
final class EncodedColumns {
  private static final int DECIMAL_WIDTH = 16;

  private EncodedColumns() {}

  /** Strings as one copy of the data buffer and their offsets into it; offsets were validated before this. */
  static DecodedColumn strings(VarCharVector vector) {
    int n = vector.getValueCount();
    int base = n > 0 ? vector.getOffsetBuffer().getInt(0) : 0;
    int[] offsets = n > 0 ? PrimitiveColumns.ints(vector.getOffsetBuffer(), n + 1, base) : new int[1];
    byte[] utf8 = new byte[offsets[n]];
    if (utf8.length > 0) {
      vector.getDataBuffer().getBytes(base, utf8, 0, utf8.length);
    }
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      Object box(int row) {
        return new String(utf8, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
      }

      @Override
      public String typeName() {
        return "string";
      }
    };
  }

  /** Timestamps as their units since the epoch: instants when the Arrow type has a zone, local date-times if not. */
  static DecodedColumn timestamps(TimeStampVector vector, String typeName) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    long unitsPerSecond = ValueReaders.unitsPerSecond(type.getUnit());
    boolean zoned = type.getTimezone() != null;
    int n = vector.getValueCount();
    long[] values = ArrowArrays.longs(vector.getDataBuffer(), n);
    BitSet nulls = Nulls.of(vector);
    if (unitsPerSecond == 1) {
      // Only whole seconds can lie outside what java.time holds; refused here rather than when read.
      long min = zoned ? Instant.MIN.getEpochSecond() : LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
      long max = zoned ? Instant.MAX.getEpochSecond() : LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
      for (int i = 0; i < n; i++) {
        if ((nulls == null || !nulls.get(i)) && (values[i] < min || values[i] > max)) {
          throw new DateTimeException("Timestamp " + values[i] + " s since the epoch is outside " + min + " to "
              + max);
        }
      }
    }
    return new NullableColumn(nulls, n) {
      @Override
      Object box(int row) {
        return ValueReaders.timestamp(values[row], unitsPerSecond, zoned);
      }

      @Override
      public String typeName() {
        return typeName;
      }
    };
  }

  /** Decimals as the two 64-bit halves of each unscaled value, little-endian as Arrow stores them. */
  static DecodedColumn decimals(DecimalVector vector) {
    int scale = vector.getScale();
    int n = vector.getValueCount();
    long[] halves = ArrowArrays.longs(vector.getDataBuffer(), 2 * n);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      Object box(int row) {
        long low = halves[2 * row];
        long high = halves[2 * row + 1];
        if (high == low >> 63) {
          return BigDecimal.valueOf(low, scale);
        }
        byte[] bigEndian = new byte[DECIMAL_WIDTH];
        for (int i = 0; i < Long.BYTES; i++) {
          bigEndian[i] = (byte) (high >>> (8 * (Long.BYTES - 1 - i)));
          bigEndian[Long.BYTES + i] = (byte) (low >>> (8 * (Long.BYTES - 1 - i)));
        }
        return new BigDecimal(new BigInteger(bigEndian), scale);
      }

      @Override
      public String typeName() {
        return "decimal";
      }
    };
  }
}
