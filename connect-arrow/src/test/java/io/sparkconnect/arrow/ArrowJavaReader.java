package io.sparkconnect.arrow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Test support: reads an IPC stream with Arrow Java's own reader (independent of the encoder and of our decoder),
 * validates every vector fully, and turns the values into the plain form of {@link EncoderSamples#plain}.
 */
final class ArrowJavaReader {
  /** What was read: the schema, the rows of each batch, and every row in plain form. */
  record Read(Schema schema, List<Integer> batchRows, List<List<Object>> rows) {}

  private ArrowJavaReader() {}

  static Read read(BufferAllocator allocator, byte[] ipc) {
    List<Integer> batches = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        batches.add(root.getRowCount());
        for (FieldVector vector : root.getFieldVectors()) {
          validate(vector);
        }
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector vector : root.getFieldVectors()) {
            row.add(value(vector, r));
          }
          rows.add(row);
        }
      }
      return new Read(root.getSchema(), batches, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Arrow's full validation, leaf by leaf; nested vectors are checked here, because Arrow's validator takes a map
   * vector for a list of the wrong type. Decimals get the structural validation only: the full one refuses decimals
   * that use their whole precision (it allows precision - 1 digits).
   */
  static void validate(FieldVector vector) {
    if (vector instanceof ListVector) {
      ListVector list = (ListVector) vector;
      int previous = 0;
      for (int i = 0; i <= list.getValueCount(); i++) {
        int offset = list.getOffsetBuffer().getInt(4L * i);
        if (offset < previous || (i == 0 && offset != 0)) {
          throw new AssertionError(vector.getName() + ": offset " + i + " is " + offset + " after " + previous);
        }
        previous = offset;
      }
      if (previous > list.getDataVector().getValueCount()) {
        throw new AssertionError(vector.getName() + ": offsets end at " + previous + " beyond "
            + list.getDataVector().getValueCount() + " elements");
      }
      validate(list.getDataVector());
    } else if (vector instanceof StructVector) {
      for (FieldVector child : ((StructVector) vector).getChildrenFromFields()) {
        if (child.getValueCount() != vector.getValueCount()) {
          throw new AssertionError(child.getName() + " holds " + child.getValueCount() + " values in a struct of "
              + vector.getValueCount());
        }
        validate(child);
      }
    } else if (vector.getField().getType().getTypeID() == ArrowType.ArrowTypeID.Decimal) {
      ValueVectorUtility.validate(vector);
    } else {
      ValueVectorUtility.validateFull(vector);
    }
  }

  /** One value, read with Arrow Java's accessors and put in plain form. */
  static Object value(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof MapVector) {
      MapVector map = (MapVector) vector;
      StructVector entries = (StructVector) map.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
      FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = map.getElementStartIndex(index); i < map.getElementEndIndex(index); i++) {
        out.put(value(keys, i), value(values, i));
      }
      return out;
    }
    if (vector instanceof ListVector) {
      ListVector list = (ListVector) vector;
      List<Object> out = new ArrayList<>();
      for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
        out.add(value(list.getDataVector(), i));
      }
      return out;
    }
    if (vector instanceof StructVector) {
      List<Object> out = new ArrayList<>();
      for (FieldVector child : ((StructVector) vector).getChildrenFromFields()) {
        out.add(value(child, index));
      }
      return out;
    }
    if (vector instanceof DateDayVector) {
      return LocalDate.ofEpochDay(((DateDayVector) vector).get(index));
    }
    if (vector instanceof TimeStampMicroTZVector) {
      long micros = ((TimeStampMicroTZVector) vector).get(index);
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
    if (vector instanceof TimeNanoVector) {
      return LocalTime.ofNanoOfDay(((TimeNanoVector) vector).get(index));
    }
    if (vector instanceof VarCharVector) {
      return ((VarCharVector) vector).getObject(index).toString();
    }
    if (vector instanceof VarBinaryVector) {
      return EncoderSamples.plain(((VarBinaryVector) vector).get(index));
    }
    return EncoderSamples.plain(vector.getObject(index));
  }
}
