package io.sparkconnect.sql.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/** Renders Spark's binary variant encoding (value plus metadata dictionary) as JSON. */
public final class VariantJson {
  private static final int PRIMITIVE = 0;
  private static final int SHORT_STRING = 1;
  private static final int OBJECT = 2;
  private static final int ARRAY = 3;

  private final byte[] value;
  private final byte[] metadata;

  private VariantJson(byte[] value, byte[] metadata) {
    this.value = value;
    this.metadata = metadata;
  }

  public static String render(byte[] value, byte[] metadata) {
    StringBuilder out = new StringBuilder();
    try {
      new VariantJson(value, metadata).append(out, 0);
    } catch (IndexOutOfBoundsException e) {
      throw new io.sparkconnect.sql.SparkConnectException("Malformed variant value", e);
    }
    return out.toString();
  }

  private long readLE(byte[] bytes, int offset, int size) {
    long result = 0;
    for (int i = 0; i < size; i++) {
      result |= (bytes[offset + i] & 0xFFL) << (8 * i);
    }
    return result;
  }

  private String key(int id) {
    int header = metadata[0] & 0xFF;
    int offsetSize = ((header >> 6) & 0x3) + 1;
    int dictionarySize = (int) readLE(metadata, 1, offsetSize);
    if (id < 0 || id >= dictionarySize) {
      throw new io.sparkconnect.sql.SparkConnectException("Variant key id " + id + " is outside its dictionary of " + dictionarySize);
    }
    int offsetsStart = 1 + offsetSize;
    int stringsStart = offsetsStart + (dictionarySize + 1) * offsetSize;
    int start = (int) readLE(metadata, offsetsStart + id * offsetSize, offsetSize);
    int end = (int) readLE(metadata, offsetsStart + (id + 1) * offsetSize, offsetSize);
    return new String(metadata, stringsStart + start, end - start, StandardCharsets.UTF_8);
  }

  private void append(StringBuilder out, int pos) {
    int header = value[pos] & 0xFF;
    int basicType = header & 0x3;
    int valueHeader = header >> 2;
    switch (basicType) {
      case SHORT_STRING:
        quote(out, new String(value, pos + 1, valueHeader, StandardCharsets.UTF_8));
        return;
      case OBJECT:
        appendObject(out, pos, valueHeader);
        return;
      case ARRAY:
        appendArray(out, pos, valueHeader);
        return;
      default:
        appendPrimitive(out, pos, valueHeader);
    }
  }

  private void appendObject(StringBuilder out, int pos, int valueHeader) {
    int offsetSize = (valueHeader & 0x3) + 1;
    int idSize = ((valueHeader >> 2) & 0x3) + 1;
    boolean large = ((valueHeader >> 4) & 0x1) != 0;
    int countSize = large ? 4 : 1;
    int count = (int) readLE(value, pos + 1, countSize);
    int idsStart = pos + 1 + countSize;
    int offsetsStart = idsStart + count * idSize;
    int dataStart = offsetsStart + (count + 1) * offsetSize;
    out.append('{');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(',');
      }
      quote(out, key((int) readLE(value, idsStart + i * idSize, idSize)));
      out.append(':');
      append(out, dataStart + (int) readLE(value, offsetsStart + i * offsetSize, offsetSize));
    }
    out.append('}');
  }

  private void appendArray(StringBuilder out, int pos, int valueHeader) {
    int offsetSize = (valueHeader & 0x3) + 1;
    boolean large = ((valueHeader >> 2) & 0x1) != 0;
    int countSize = large ? 4 : 1;
    int count = (int) readLE(value, pos + 1, countSize);
    int offsetsStart = pos + 1 + countSize;
    int dataStart = offsetsStart + (count + 1) * offsetSize;
    out.append('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(',');
      }
      append(out, dataStart + (int) readLE(value, offsetsStart + i * offsetSize, offsetSize));
    }
    out.append(']');
  }

  private void appendPrimitive(StringBuilder out, int pos, int type) {
    int data = pos + 1;
    switch (type) {
      case 0:
        out.append("null");
        return;
      case 1:
        out.append("true");
        return;
      case 2:
        out.append("false");
        return;
      case 3:
        out.append(value[data]);
        return;
      case 4:
        out.append((short) readLE(value, data, 2));
        return;
      case 5:
        out.append((int) readLE(value, data, 4));
        return;
      case 6:
        out.append(readLE(value, data, 8));
        return;
      case 7:
        out.append(Double.longBitsToDouble(readLE(value, data, 8)));
        return;
      case 8:
      case 9:
      case 10:
        int size = type == 8 ? 4 : type == 9 ? 8 : 16;
        byte[] bigEndian = new byte[size];
        for (int i = 0; i < size; i++) {
          bigEndian[i] = value[data + 1 + size - 1 - i];
        }
        out.append(new BigDecimal(new BigInteger(bigEndian), value[data] & 0xFF).toPlainString());
        return;
      case 11:
        quote(out, LocalDate.ofEpochDay((int) readLE(value, data, 4)).toString());
        return;
      case 12:
        long micros = readLE(value, data, 8);
        quote(out, Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1000).toString());
        return;
      case 13:
        long ntz = readLE(value, data, 8);
        quote(out, LocalDateTime.ofEpochSecond(Math.floorDiv(ntz, 1_000_000L),
            (int) Math.floorMod(ntz, 1_000_000L) * 1000, ZoneOffset.UTC).toString());
        return;
      case 14:
        out.append(Float.intBitsToFloat((int) readLE(value, data, 4)));
        return;
      case 15:
        int binaryLength = (int) readLE(value, data, 4);
        byte[] binary = new byte[binaryLength];
        System.arraycopy(value, data + 4, binary, 0, binaryLength);
        quote(out, Base64.getEncoder().encodeToString(binary));
        return;
      case 16:
        int length = (int) readLE(value, data, 4);
        quote(out, new String(value, data + 4, length, StandardCharsets.UTF_8));
        return;
      default:
        throw new io.sparkconnect.sql.SparkConnectException("Variant primitive type " + type + " is not supported by this client");
    }
  }

  /** Appends {@code text} as a JSON string. */
  static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
