package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteString;
import io.sparkconnect.arrow.ArrowEncoder;
import io.sparkconnect.proto.LocalRelation;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.StructType;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The relations of local data, as Spark's {@code createDataFrame} sends them: the rows as an Arrow IPC stream (for 4.1+
 * servers in record batches of at most {@value ArrowEncoder#DEFAULT_MAX_ROWS_PER_BATCH} rows and about 4 MiB, for
 * older ones in one batch) with the Spark schema as JSON, inline in the plan or, when the serialized relation is
 * larger than the server's {@code spark.sql.session.localRelationCacheThreshold}, uploaded once as an artifact and
 * referred to by its hash. Without rows, only the schema is sent.
 */
public final class LocalRelations {
  private LocalRelations() {}

  /**
   * The relation of {@code rows}, whose values are checked against {@code schema}.
   *
   * @throws IllegalArgumentException naming the row and column of a value that does not fit, or the column whose
   *     type cannot be sent
   */
  public static Relation rows(Operations operations, List<? extends Row> rows, StructType schema) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(schema, "schema");
    return relation(operations, schema, rows, Function.identity());
  }

  /**
   * The relation of {@code rows} with the schema they carry, as rows collected from a DataFrame do.
   *
   * @throws IllegalArgumentException if there are no rows, the first has no schema, or another has a different one
   */
  public static Relation rows(Operations operations, List<? extends Row> rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("createDataFrame(rows) takes the schema from the rows, but there are none;"
          + " use createDataFrame(rows, schema)");
    }
    StructType schema = rows.get(0) == null ? null : rows.get(0).schema();
    if (schema == null) {
      throw new IllegalArgumentException("createDataFrame(rows) takes the schema from the rows, but row 0 has none "
          + "(rows made by Row.of have none); use createDataFrame(rows, schema)");
    }
    return relation(operations, schema, rows, row -> {
      if (row != null && row.schema() != null && !row.schema().equals(schema)) {
        throw new IllegalArgumentException("Row schema " + row.schema().simpleString() + " differs from row 0's "
            + schema.simpleString() + "; use createDataFrame(rows, schema)");
      }
      return row;
    });
  }

  /**
   * The relation of records or JavaBeans of {@code type}, with the schema inferred from the class.
   *
   * @throws IllegalArgumentException if the class has no schema, naming the field and its type; or naming the
   *     element that is null, of another class, or holds a value that does not fit
   */
  public static Relation objects(Operations operations, List<?> data, Class<?> type) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(type, "type");
    JavaTypeInference.Inferred inferred = JavaTypeInference.infer(type);
    return relation(operations, inferred.schema(), data, object -> {
      if (object == null) {
        throw new IllegalArgumentException("An element of the data is null; each element is a "
            + type.getName());
      }
      if (!type.isInstance(object)) {
        throw new IllegalArgumentException("An element of the data is a " + object.getClass().getName()
            + ", not a " + type.getName());
      }
      return inferred.row(object);
    });
  }

  /**
   * The relation of the rows of an Arrow root, its Spark schema derived from the Arrow schema as Spark derives it.
   *
   * @throws IllegalArgumentException naming a field whose Arrow type Spark does not read
   */
  public static Relation arrow(Operations operations, VectorSchemaRoot root) {
    Objects.requireNonNull(root, "root");
    ByteString.Output out = ByteString.newOutput();
    if (batchesAllowed(operations)) {
      ArrowEncoder.write(root, out, ArrowEncoder.DEFAULT_MAX_ROWS_PER_BATCH, ArrowEncoder.DEFAULT_MAX_BATCH_BYTES);
    } else {
      ArrowEncoder.write(root, out, Integer.MAX_VALUE, Long.MAX_VALUE);
    }
    StructType schema;
    try {
      schema = ArrowSchemaConverter.toSpark(root.getSchema().getFields());
    } catch (SparkConnectException e) {
      throw new IllegalArgumentException("The Arrow schema of the root has no Spark schema: " + e.getMessage(), e);
    }
    LocalRelation.Builder relation = LocalRelation.newBuilder().setSchema(SchemaJson.of(schema));
    if (root.getRowCount() > 0) {
      relation.setData(out.toByteString());
    }
    return place(operations, relation.build());
  }

  private static <T> Relation relation(Operations operations, StructType schema, List<? extends T> data,
      Function<? super T, ? extends Row> toRow) {
    Schema arrow = SparkArrowSchema.of(schema);
    LocalRelation.Builder relation = LocalRelation.newBuilder().setSchema(SchemaJson.of(schema));
    if (!data.isEmpty()) {
      LocalValues values = new LocalValues(schema);
      Iterator<? extends T> elements = data.iterator();
      Iterator<Object[]> rows = new Iterator<>() {
        private long index;

        @Override
        public boolean hasNext() {
          return elements.hasNext();
        }

        @Override
        public Object[] next() {
          long row = index++;
          Row converted;
          try {
            converted = toRow.apply(elements.next());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Row " + row + ": " + e.getMessage(), e.getCause());
          }
          return values.row(converted, row);
        }
      };
      ByteString.Output out = ByteString.newOutput();
      if (batchesAllowed(operations)) {
        ArrowEncoder.create(arrow).write(rows, out);
      } else {
        ArrowEncoder.create(arrow, Integer.MAX_VALUE, Long.MAX_VALUE).write(rows, out);
      }
      relation.setData(out.toByteString());
    }
    return place(operations, relation.build());
  }

  /**
   * Whether the server reads every record batch of a local relation's stream: servers before 4.1 read only the
   * first (SPARK-53342) and silently drop the rest, so they get the rows in one batch, as Spark 3.5's own client
   * sends them.
   */
  private static boolean batchesAllowed(Operations operations) {
    return operations.serverVersion().isAtLeast(4, 1);
  }

  /** Inline when small enough, otherwise cached on the server and referred to by its hash. */
  private static Relation place(Operations operations, LocalRelation relation) {
    if (relation.hasData() && relation.getSerializedSize() > operations.localRelationCacheThreshold()) {
      return operations.cacheLocalRelation(relation);
    }
    return Relation.newBuilder().setLocalRelation(relation).build();
  }
}
