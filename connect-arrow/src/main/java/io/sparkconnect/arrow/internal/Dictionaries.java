package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The dictionaries of one Arrow IPC stream and the columns encoded with them. A dictionary batch replaces its
 * dictionary or, as a delta, extends it; a record batch's index columns are decoded into vectors of the values they
 * refer to, each index checked. Only top-level columns may be dictionary-encoded ({@link ArrowTypes} refuses the
 * others). Owns the dictionaries' vectors until closed.
 */
final class Dictionaries implements AutoCloseable {
  private final BufferAllocator allocator;
  private final List<Field> columns;
  /** The field of each dictionary's values, by id. */
  private final Map<Long, Field> valueFields = new HashMap<>();
  /** Each dictionary's values: the first batch and its deltas, in order. */
  private final Map<Long, List<FieldVector>> values = new HashMap<>();
  private final boolean encodes;

  Dictionaries(List<Field> schema, BufferAllocator allocator) {
    this.allocator = allocator;
    this.columns = schema;
    boolean any = false;
    for (Field column : columns) {
      DictionaryEncoding encoding = column.getDictionary();
      if (encoding == null) {
        continue;
      }
      any = true;
      Field values = new Field(column.getName(), new FieldType(true, column.getType(), null), column.getChildren());
      Field shared = valueFields.putIfAbsent(encoding.getId(), values);
      if (shared != null && !(shared.getType().equals(values.getType())
          && shared.getChildren().equals(values.getChildren()))) {
        throw new ArrowDecodingException("Columns '" + shared.getName() + "' and '" + column.getName() + "' share "
            + "Arrow dictionary " + encoding.getId() + " but have different types: " + shared.getType() + " and "
            + column.getType());
      }
    }
    this.encodes = any;
  }

  /** The fields as record batches carry them: each dictionary-encoded column as its integer indices. */
  static List<Field> indexFields(List<Field> schema) {
    List<Field> fields = new ArrayList<>(schema.size());
    boolean changed = false;
    for (Field field : schema) {
      DictionaryEncoding encoding = field.getDictionary();
      if (encoding == null) {
        fields.add(field);
      } else {
        changed = true;
        fields.add(new Field(field.getName(), new FieldType(field.isNullable(), encoding.getIndexType(), null,
            field.getMetadata()), List.of()));
      }
    }
    return changed ? List.copyOf(fields) : schema;
  }

  /** Whether any column is dictionary-encoded. */
  boolean encodes() {
    return encodes;
  }

  /** The field a dictionary batch's values are loaded as. */
  Field valueField(long id) {
    Field field = valueFields.get(id);
    if (field == null) {
      throw new ArrowDecodingException("An Arrow dictionary batch has id " + id + ", which no column of the schema "
          + "uses (ids used: " + valueFields.keySet() + ")");
    }
    return field;
  }

  /** Takes a loaded dictionary batch: it replaces the dictionary, or as a {@code delta} is appended to it. */
  void add(long id, FieldVector batch, boolean delta) {
    List<FieldVector> parts = values.computeIfAbsent(id, key -> new ArrayList<>());
    if (!delta) {
      parts.forEach(FieldVector::close);
      parts.clear();
    }
    parts.add(batch);
  }

  /**
   * The batch's columns with each dictionary-encoded one decoded into new vectors of its values; {@link #release}
   * frees them.
   *
   * @throws ArrowDecodingException if a dictionary is missing or an index lies outside it
   */
  List<FieldVector> decode(List<FieldVector> indices) {
    List<FieldVector> vectors = new ArrayList<>(columns.size());
    try {
      for (int i = 0; i < columns.size(); i++) {
        Field column = columns.get(i);
        FieldVector vector = indices.get(i);
        if (column.getDictionary() == null) {
          vectors.add(vector);
        } else {
          Field plain = new Field(column.getName(), new FieldType(column.isNullable(), column.getType(), null,
              column.getMetadata()), column.getChildren());
          vectors.add(decode(column, plain, (BaseIntVector) vector));
        }
      }
    } catch (RuntimeException | Error e) {
      closeDecoded(vectors);
      throw e;
    }
    return vectors;
  }

  private FieldVector decode(Field column, Field plain, BaseIntVector indices) {
    long id = column.getDictionary().getId();
    List<FieldVector> parts = values.get(id);
    if (parts == null) {
      throw new ArrowDecodingException("Column '" + column.getName() + "' is encoded with Arrow dictionary " + id
          + ", but no dictionary batch for it arrived before the record batch");
    }
    long[] ends = new long[parts.size()];
    long size = 0;
    for (int p = 0; p < ends.length; p++) {
      size += parts.get(p).getValueCount();
      ends[p] = size;
    }
    int rows = indices.getValueCount();
    FieldVector out = plain.createVector(allocator);
    try {
      out.setInitialCapacity(rows);
      out.allocateNew();
      TransferPair[] copiers = new TransferPair[parts.size()];
      for (int row = 0; row < rows; row++) {
        if (indices.isNull(row)) {
          continue;
        }
        long index = indices.getValueAsLong(row);
        if (index < 0 || index >= size) {
          throw new ArrowDecodingException("Column '" + column.getName() + "' refers to entry " + index + " of Arrow "
              + "dictionary " + id + ", which has " + size + " entries");
        }
        int part = 0;
        while (index >= ends[part]) {
          part++;
        }
        if (copiers[part] == null) {
          copiers[part] = parts.get(part).makeTransferPair(out);
        }
        copiers[part].copyValueSafe((int) (index - (part == 0 ? 0 : ends[part - 1])), row);
      }
      out.setValueCount(rows);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Frees the vectors {@link #decode} made for a batch. */
  void release(List<FieldVector> decoded) {
    List<FieldVector> made = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).getDictionary() != null) {
        made.add(decoded.get(i));
      }
    }
    made.forEach(FieldVector::close);
  }

  private void closeDecoded(List<FieldVector> vectors) {
    for (int i = 0; i < vectors.size(); i++) {
      if (columns.get(i).getDictionary() != null) {
        vectors.get(i).close();
      }
    }
  }

  /** Frees every dictionary. */
  @Override
  public void close() {
    values.values().forEach(parts -> parts.forEach(FieldVector::close));
    values.clear();
  }
}
