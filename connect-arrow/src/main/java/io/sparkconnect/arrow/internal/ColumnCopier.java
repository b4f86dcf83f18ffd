package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.arrow.ValueFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Copies a loaded batch into {@link DecodedColumn}s that no longer need Arrow memory, as its plans say. */
public final class ColumnCopier {
  private ColumnCopier() {}

  /**
   * Copies every column of a loaded, validated batch.
   *
   * @throws ArrowDecodingException if a value cannot be decoded; exceptions of {@code factory} pass unchanged
   */
  public static DecodedBatch copy(List<Plan> plans, List<FieldVector> vectors, int rowCount, ValueFactory factory) {
    List<DecodedColumn> columns = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      Plan plan = plans.get(i);
      try {
        columns.add(column(plan, vectors.get(i), factory));
      } catch (ValueReaders.CallerException e) {
        throw e.original();
      } catch (ArrowDecodingException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ArrowDecodingException("Cannot decode column '" + plan.path + "' of Arrow type " + plan.arrowType
            + ": " + e, e);
      }
    }
    return new DecodedBatch(columns, rowCount);
  }

  /**
   * The decoded column of one vector of a loaded batch: a top-level column, a struct's field or an array's
   * elements.
   */
  static DecodedColumn column(Plan plan, FieldVector vector, ValueFactory factory) {
    if (plan.kind != null) {
      switch (plan.kind) {
        case NULL:
          return new NullColumn(vector.getValueCount());
        case BOOLEAN:
          return PrimitiveColumns.of((BitVector) vector);
        case BYTE:
          return PrimitiveColumns.of((TinyIntVector) vector);
        case SHORT:
          return PrimitiveColumns.of((SmallIntVector) vector);
        case INT:
          return PrimitiveColumns.of((IntVector) vector);
        case LONG:
          return PrimitiveColumns.of((BigIntVector) vector);
        case FLOAT:
          return PrimitiveColumns.of((Float4Vector) vector);
        case DOUBLE:
          return PrimitiveColumns.of((Float8Vector) vector);
        case STRING:
          if (vector instanceof VarCharVector) {
            return EncodedColumns.strings((VarCharVector) vector);
          }
          break;
        case DECIMAL:
          if (vector instanceof DecimalVector) {
            return EncodedColumns.decimals((DecimalVector) vector);
          }
          break;
        case TIMESTAMP:
        case TIMESTAMP_NTZ:
          return EncodedColumns.timestamps((TimeStampVector) vector, plan.kind.name().toLowerCase(Locale.ROOT));
        case STRUCT:
          return NestedColumns.struct(plan, (StructVector) vector, factory);
        case ARRAY:
          if (vector instanceof ListVector) {
            return NestedColumns.list(plan, (ListVector) vector, factory);
          }
          break;
        default:
          break;
      }
    }
    ValueReader reader = ValueReaders.of(plan, vector, factory);
    Object[] values = new Object[vector.getValueCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = reader.read(i);
    }
    return new ObjectColumn(values, plan.kind.name().toLowerCase(Locale.ROOT));
  }
}
