package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.DataType;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.CollatedStringType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import org.junit.jupiter.api.Test;

/** Protocol data types that carry parameters keep them both ways, and malformed ones are refused. */
class DataTypeConverterTest {
  private static DataType string(String collation) {
    return DataType.newBuilder().setString(DataType.String.newBuilder().setCollation(collation)).build();
  }

  @Test
  void aCollationSurvivesBothDirections() {
    io.sparkconnect.sql.types.DataType lcase = DataTypeConverter.fromProto(string("UTF8_LCASE"));
    assertEquals(DataTypes.createStringType("UTF8_LCASE"), lcase);
    assertEquals("string collate UTF8_LCASE", lcase.simpleString());
    assertEquals("UTF8_LCASE", ((CollatedStringType) lcase).collation());
    assertEquals(string("UTF8_LCASE"), DataTypeConverter.toProto(lcase));
    assertEquals(DataTypes.StringType, DataTypeConverter.fromProto(string("UTF8_BINARY")));
    assertEquals(DataTypes.StringType, DataTypeConverter.fromProto(string("")));
  }

  @Test
  void aDecimalNeedsBothParametersOrNeither() {
    assertEquals(new DecimalType(10, 0), DataTypeConverter.fromProto(
        DataType.newBuilder().setDecimal(DataType.Decimal.getDefaultInstance()).build()));
    assertEquals(new DecimalType(12, 3), DataTypeConverter.fromProto(
        DataType.newBuilder().setDecimal(DataType.Decimal.newBuilder().setPrecision(12).setScale(3)).build()));
    SparkConnectException onlyScale = assertThrows(SparkConnectException.class, () -> DataTypeConverter.fromProto(
        DataType.newBuilder().setDecimal(DataType.Decimal.newBuilder().setScale(12)).build()));
    assertTrue(onlyScale.getMessage().contains("only its scale (12)"), onlyScale.getMessage());
    assertThrows(SparkConnectException.class, () -> DataTypeConverter.fromProto(
        DataType.newBuilder().setDecimal(DataType.Decimal.newBuilder().setPrecision(12)).build()));
  }
}
