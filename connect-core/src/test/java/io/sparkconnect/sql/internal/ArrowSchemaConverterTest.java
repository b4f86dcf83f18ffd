package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Arrow schemas as Spark writes them map back to the Spark types they were written from. */
class ArrowSchemaConverterTest {
  private final List<Field> arrow = new ArrayList<>();
  private final List<StructField> spark = new ArrayList<>();

  private void column(String name, ArrowType type, DataType expected) {
    arrow.add(new Field(name, FieldType.nullable(type), null));
    spark.add(new StructField(name, expected, true));
  }

  private static Field field(String name, boolean nullable, ArrowType type, Field... children) {
    return new Field(name, new FieldType(nullable, type, null), List.of(children));
  }

  @Test
  void everyTypeSparkWritesMapsBack() {
    column("b", ArrowType.Bool.INSTANCE, DataTypes.BooleanType);
    column("i8", new ArrowType.Int(8, true), DataTypes.ByteType);
    column("i16", new ArrowType.Int(16, true), DataTypes.ShortType);
    column("i32", new ArrowType.Int(32, true), DataTypes.IntegerType);
    column("i64", new ArrowType.Int(64, true), DataTypes.LongType);
    column("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), DataTypes.FloatType);
    column("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), DataTypes.DoubleType);
    column("s", ArrowType.Utf8.INSTANCE, DataTypes.StringType);
    column("ls", ArrowType.LargeUtf8.INSTANCE, DataTypes.StringType);
    column("bin", ArrowType.Binary.INSTANCE, DataTypes.BinaryType);
    column("lbin", ArrowType.LargeBinary.INSTANCE, DataTypes.BinaryType);
    column("dec", new ArrowType.Decimal(12, 3, 128), new DecimalType(12, 3));
    column("date", new ArrowType.Date(DateUnit.DAY), DataTypes.DateType);
    column("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"), DataTypes.TimestampType);
    column("ntz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), DataTypes.TimestampNTZType);
    column("void", ArrowType.Null.INSTANCE, DataTypes.NullType);
    column("ym", new ArrowType.Interval(IntervalUnit.YEAR_MONTH), IntervalType.yearMonth(0, 1));
    column("dt", new ArrowType.Duration(TimeUnit.MICROSECOND), IntervalType.dayTime(0, 3));
    column("cal", new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO), DataTypes.CalendarIntervalType);
    arrow.add(field("arr", true, ArrowType.List.INSTANCE, field("element", false, new ArrowType.Int(32, true))));
    spark.add(new StructField("arr", new ArrayType(DataTypes.IntegerType, false), true));
    arrow.add(field("m", false, new ArrowType.Map(false), field("entries", false, ArrowType.Struct.INSTANCE,
        field("key", false, ArrowType.Utf8.INSTANCE), field("value", true, new ArrowType.Int(64, true)))));
    spark.add(new StructField("m", new MapType(DataTypes.StringType, DataTypes.LongType, true), false));
    arrow.add(field("st", true, ArrowType.Struct.INSTANCE, field("x", false, ArrowType.Utf8.INSTANCE),
        field("y", true, new ArrowType.Decimal(38, 18, 128))));
    spark.add(new StructField("st", new StructType(List.of(new StructField("x", DataTypes.StringType, false),
        new StructField("y", new DecimalType(38, 18), true))), true));
    arrow.add(field("v", true, ArrowType.Struct.INSTANCE, field("value", false, ArrowType.Binary.INSTANCE),
        new Field("metadata", new FieldType(false, ArrowType.Binary.INSTANCE, null, Map.of("variant", "true")),
            null)));
    spark.add(new StructField("v", DataTypes.VariantType, true));
    arrow.add(new Field("meta", new FieldType(true, ArrowType.Utf8.INSTANCE, null,
        Map.of("SPARK::metadata::json", "{\"comment\":\"c\"}")), null));
    spark.add(new StructField("meta", DataTypes.StringType, true, "{\"comment\":\"c\"}"));

    assertEquals(new StructType(spark), ArrowSchemaConverter.toSpark(new Schema(arrow).getFields()));
  }

  @Test
  void anArrowTypeWithoutASparkTypeIsATypedError() {
    arrow.add(field("st", true, ArrowType.Struct.INSTANCE, field("u", true, new ArrowType.Int(32, false))));
    SparkConnectException error = assertThrows(SparkConnectException.class,
        () -> ArrowSchemaConverter.toSpark(new Schema(arrow).getFields()));
    assertEquals("The result came without a schema, and its column 'st.u' has Arrow type Int(32, false), which has "
        + "no Spark type; the server must send the schema of such a result", error.getMessage());
    SparkConnectException millis = assertThrows(SparkConnectException.class, () -> ArrowSchemaConverter.toSpark(
        List.of(field("t", true, new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)))));
    assertEquals(true, millis.getMessage().contains("column 't' has Arrow type Timestamp(MILLISECOND, null)"),
        millis.getMessage());
  }
}
