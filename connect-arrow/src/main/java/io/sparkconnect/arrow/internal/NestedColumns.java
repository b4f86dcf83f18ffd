package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.DecodedColumn;
import io.sparkconnect.arrow.ValueFactory;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Struct and array columns kept as columns of their fields and elements: a struct or list is built from them when
 * it is read, so a held result costs its leaf columns, not nested objects per cell. Exceptions of the caller's
 * {@link ValueFactory} reach the reader unchanged. Every slot of a field or element vector is decoded, also those
 * under null structs or outside every list, which Arrow leaves undefined and Spark writes as nulls.
 */
final class NestedColumns {
  private NestedColumns() {}

  /** The struct column of {@code vector}, with a column of each field. */
  static DecodedColumn struct(Plan plan, StructVector vector, ValueFactory factory) {
    List<FieldVector> children = vector.getChildrenFromFields();
    DecodedColumn[] fields = new DecodedColumn[children.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = ColumnCopier.column(plan.children.get(i), children.get(i), factory);
    }
    return new NullableColumn(Nulls.of(vector), vector.getValueCount()) {
      @Override
      Object box(int row) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
          values[i] = fields[i].get(row);
        }
        return factory.struct(plan.field, values);
      }

      @Override
      public String typeName() {
        return "struct";
      }
    };
  }

  /** The array column of {@code vector}: its offsets and one column of all its elements. */
  static DecodedColumn list(Plan plan, ListVector vector, ValueFactory factory) {
    int n = vector.getValueCount();
    int[] offsets = n > 0 ? PrimitiveColumns.ints(vector.getOffsetBuffer(), n + 1, 0) : new int[1];
    DecodedColumn elements = ColumnCopier.column(plan.children.get(0), vector.getDataVector(), factory);
    return new NullableColumn(Nulls.of(vector), n) {
      @Override
      Object box(int row) {
        return ValueReaders.list(elements::get, offsets[row], offsets[row + 1]);
      }

      @Override
      public String typeName() {
        return "array";
      }
    };
  }
}
