package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.nio.ByteBuffer;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Type;

/**
 * Checks the flatbuffer of an IPC message before Arrow's generated readers touch it. Those readers trust every
 * offset and length: a string or vector length from the wire becomes an allocation, and offsets may point
 * backwards, so a crafted message could exhaust memory or recurse without end. This walks every table, string and
 * vector that Arrow will read for schema, record batch and dictionary batch messages and checks that each lies
 * inside the message, with the nesting depth and the number of tables bounded (a table needs at least 4 bytes of
 * its own, so a message of n bytes has at most n / 4 of them; visiting more means tables are shared or cyclic).
 */
final class MessageCheck {
  /** Deepest nesting of fields accepted in a schema. */
  static final int MAX_DEPTH = 64;

  private final ByteBuffer bb;
  private final int limit;
  private int tablesLeft;

  private MessageCheck(ByteBuffer bb) {
    this.bb = bb;
    this.limit = bb.limit();
    this.tablesLeft = limit / 4 + 4;
  }

  /** Checks a message held in {@code bb} from position 0 to its limit, in little-endian order. */
  static void check(ByteBuffer bb) {
    new MessageCheck(bb).message();
  }

  private void message() {
    require(limit >= 4, "is shorter than its root offset");
    int message = table(bb.getInt(0));
    metadata(message, 4);
    int header = reference(message, 2);
    if (header < 0) {
      return;
    }
    header = table(header);
    byte type = byteField(message, 1);
    if (type == MessageHeader.Schema) {
      schema(header);
    } else if (type == MessageHeader.RecordBatch) {
      recordBatch(header);
    } else if (type == MessageHeader.DictionaryBatch) {
      int data = reference(header, 1);
      if (data >= 0) {
        recordBatch(table(data));
      }
    }
  }

  private void schema(int schema) {
    int fields = vector(schema, 1, 4);
    for (int i = 0; fields >= 0 && i < bb.getInt(fields); i++) {
      arrowField(element(fields, i), 1);
    }
    metadata(schema, 2);
    vector(schema, 3, 8);
  }

  private void arrowField(int field, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ArrowDecodingException("Arrow schema nests fields deeper than " + MAX_DEPTH + " levels");
    }
    string(field, 0);
    int type = reference(field, 3);
    if (type >= 0) {
      type = table(type);
      byte typeType = byteField(field, 2);
      if (typeType == Type.Timestamp) {
        string(type, 1);
      } else if (typeType == Type.Union) {
        vector(type, 1, 4);
      }
    }
    int dictionary = reference(field, 4);
    if (dictionary >= 0) {
      dictionary = table(dictionary);
      int indexType = reference(dictionary, 1);
      if (indexType >= 0) {
        table(indexType);
      }
    }
    int children = vector(field, 5, 4);
    for (int i = 0; children >= 0 && i < bb.getInt(children); i++) {
      arrowField(element(children, i), depth + 1);
    }
    metadata(field, 6);
  }

  private void recordBatch(int batch) {
    vector(batch, 1, 16);
    vector(batch, 2, 16);
    int compression = reference(batch, 3);
    if (compression >= 0) {
      table(compression);
    }
    vector(batch, 4, 8);
  }

  /** A vector of key-value tables. */
  private void metadata(int table, int slot) {
    int entries = vector(table, slot, 4);
    for (int i = 0; entries >= 0 && i < bb.getInt(entries); i++) {
      int entry = element(entries, i);
      string(entry, 0);
      string(entry, 1);
    }
  }

  /** Checks the table at {@code position} and its vtable; returns the position. */
  private int table(int position) {
    require(--tablesLeft >= 0, "has more tables than its size allows (shared or cyclic references)");
    require(position >= 0 && position <= limit - 4, "points to a table outside the message");
    long vtable = (long) position - bb.getInt(position);
    require(vtable >= 0 && vtable <= limit - 4, "has a table whose vtable lies outside the message");
    int vtableSize = bb.getShort((int) vtable);
    int tableSize = bb.getShort((int) vtable + 2);
    require(vtableSize >= 4 && vtable + vtableSize <= limit, "has a vtable of invalid size");
    require(tableSize >= 4 && (long) position + tableSize <= limit, "has a table of invalid size");
    for (int entry = 4; entry + 2 <= vtableSize; entry += 2) {
      int offset = bb.getShort((int) vtable + entry);
      require(offset >= 0 && offset < tableSize, "has a table field outside its table");
    }
    return position;
  }

  /** The absolute position of a table's field, or -1 if absent. */
  private int fieldPosition(int table, int slot) {
    int vtable = table - bb.getInt(table);
    int entry = 4 + 2 * slot;
    if (entry >= bb.getShort(vtable)) {
      return -1;
    }
    int offset = bb.getShort(vtable + entry);
    return offset == 0 ? -1 : table + offset;
  }

  private byte byteField(int table, int slot) {
    int position = fieldPosition(table, slot);
    return position < 0 ? 0 : bb.get(position);
  }

  /** The position a table's offset field refers to, or -1 if absent. */
  private int reference(int table, int slot) {
    int position = fieldPosition(table, slot);
    if (position < 0) {
      return -1;
    }
    return target(position);
  }

  private int target(int position) {
    require(position <= limit - 4, "has an offset outside the message");
    long target = (long) position + bb.getInt(position);
    require(target >= 0 && target <= limit - 4, "has an offset pointing outside the message");
    return (int) target;
  }

  private void string(int table, int slot) {
    int string = reference(table, slot);
    if (string >= 0) {
      int length = bb.getInt(string);
      require(length >= 0 && string + 4L + length <= limit, "has a string longer than the message");
    }
  }

  /** Checks a vector of {@code elementSize}-byte elements; returns its position (where its length is), or -1. */
  private int vector(int table, int slot, int elementSize) {
    int vector = reference(table, slot);
    if (vector >= 0) {
      int length = bb.getInt(vector);
      require(length >= 0 && vector + 4L + (long) length * elementSize <= limit,
          "has a vector longer than the message");
    }
    return vector;
  }

  /** The table at index {@code i} of a vector of tables. */
  private int element(int vector, int i) {
    return table(target(vector + 4 + 4 * i));
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new ArrowDecodingException("Malformed Arrow IPC message: its flatbuffer " + problem);
    }
  }
}
