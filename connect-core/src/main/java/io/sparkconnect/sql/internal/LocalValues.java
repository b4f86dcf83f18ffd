package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.Variant;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.CollatedStringType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.SizedType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.PeriodDuration;

/**
 * Checks the values of local rows against their Spark schema, as Spark checks the rows of {@code createDataFrame},
 * and turns them into the values the Arrow encoder writes. Each type takes the Java values of the type table, plus
 * {@code java.sql.Date} for dates, {@code java.sql.Timestamp} for timestamps, {@code BigInteger} for decimals,
 * {@code Character} for strings, and arrays for arrays; a struct takes a {@code Row}. Decimals are rounded half-up
 * to their scale, as Spark rounds them. Immutable.
 */
final class LocalValues {
  private final StructType schema;
  private final Converter[] columns;

  LocalValues(StructType schema) {
    this.schema = schema;
    List<StructField> fields = schema.fields();
    columns = new Converter[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = converter(fields.get(i).dataType());
    }
  }

  /**
   * The encoder's values of one row.
   *
   * @param index the row's position, for messages
   * @throws IllegalArgumentException naming the row, the column (with the element or key inside it) and the expected
   *     and actual types of a value that does not fit, or a null in a non-nullable column
   */
  Object[] row(Row row, long index) {
    if (row == null) {
      throw new IllegalArgumentException("Row " + index + " is null; use a Row of nulls for a row without values");
    }
    if (row.size() != columns.length) {
      throw new IllegalArgumentException("Row " + index + " has " + row.size() + " values, but the schema has "
          + columns.length + " columns " + schema.fieldNames());
    }
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      StructField field = schema.field(i);
      try {
        values[i] = convert(columns[i], row.get(i), field.nullable());
      } catch (Mismatch e) {
        throw new IllegalArgumentException("Row " + index + ", column '" + field.name() + e.path + "' ("
            + e.type.simpleString() + ")" + e.problem);
      }
    }
    return values;
  }

  private static Object convert(Converter converter, Object value, boolean nullable) {
    if (value == null) {
      if (!nullable) {
        throw new Mismatch(converter.type, " is not nullable, but its value is null");
      }
      return null;
    }
    return converter.apply(value);
  }

  /** A value that does not fit its type; the path inside the column grows as it passes the enclosing values. */
  private static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DataType type;
    private final String problem;
    private String path = "";

    Mismatch(DataType type, String problem) {
      super(problem, null, false, false);
      this.type = type;
      this.problem = problem;
    }

    Mismatch under(String step) {
      path = step + path;
      return this;
    }
  }

  /** Turns a non-null value into the encoder's value, or throws {@link Mismatch}. */
  private abstract static class Converter {
    final DataType type;

    Converter(DataType type) {
      this.type = type;
    }

    abstract Object apply(Object value);

    final Mismatch wrong(String expected, Object value) {
      return new Mismatch(type, ": expected " + expected + ", got " + value.getClass().getName() + " ("
          + describe(value) + ")");
    }
  }

  private interface Function {
    Object apply(Object value);
  }

  private static Converter of(DataType type, String expected, Class<?> accepted, Class<?> alternative,
      Function convertAlternative) {
    return new Converter(type) {
      @Override
      Object apply(Object value) {
        if (accepted.isInstance(value)) {
          return value;
        }
        if (alternative != null && alternative.isInstance(value)) {
          return convertAlternative.apply(value);
        }
        throw wrong(expected, value);
      }
    };
  }

  private static Converter exactly(DataType type, Class<?> accepted) {
    return of(type, accepted.getName(), accepted, null, null);
  }

  private static Converter converter(DataType type) {
    if (type instanceof StructType) {
      return struct((StructType) type);
    }
    if (type instanceof ArrayType) {
      return array((ArrayType) type);
    }
    if (type instanceof MapType) {
      return map((MapType) type);
    }
    if (type instanceof DecimalType) {
      return decimal((DecimalType) type);
    }
    if (type instanceof CollatedStringType || type.equals(DataTypes.StringType)
        || type instanceof SizedType && !type.typeName().equals("time")) {
      return of(type, "java.lang.String", String.class, Character.class, Object::toString);
    }
    if (type instanceof SizedType) {
      return exactly(type, LocalTime.class);
    }
    if (type instanceof IntervalType) {
      return ((IntervalType) type).isYearMonth() ? yearMonth(type) : exactly(type, Duration.class);
    }
    switch (type.simpleString()) {
      case "void":
        return new Converter(type) {
          @Override
          Object apply(Object value) {
            throw wrong("null (the column's type is void)", value);
          }
        };
      case "boolean":
        return exactly(type, Boolean.class);
      case "tinyint":
        return exactly(type, Byte.class);
      case "smallint":
        return exactly(type, Short.class);
      case "int":
        return exactly(type, Integer.class);
      case "bigint":
        return exactly(type, Long.class);
      case "float":
        return exactly(type, Float.class);
      case "double":
        return exactly(type, Double.class);
      case "binary":
        return exactly(type, byte[].class);
      case "date":
        return of(type, "java.time.LocalDate or java.sql.Date", LocalDate.class, java.sql.Date.class,
            value -> ((java.sql.Date) value).toLocalDate());
      case "timestamp":
        return of(type, "java.time.Instant or java.sql.Timestamp", Instant.class, java.sql.Timestamp.class,
            value -> ((java.sql.Timestamp) value).toInstant());
      case "timestamp_ntz":
        return exactly(type, LocalDateTime.class);
      case "interval":
        return exactly(type, PeriodDuration.class);
      case "variant":
        return new Converter(type) {
          @Override
          Object apply(Object value) {
            if (!(value instanceof Variant)) {
              throw wrong(Variant.class.getName(), value);
            }
            return new Object[] {((Variant) value).value(), ((Variant) value).metadata()};
          }
        };
      default:
        throw new IllegalArgumentException("Type " + type.simpleString() + " cannot be sent as local data");
    }
  }

  private static Converter yearMonth(DataType type) {
    return new Converter(type) {
      @Override
      Object apply(Object value) {
        if (!(value instanceof Period)) {
          throw wrong("java.time.Period", value);
        }
        if (((Period) value).getDays() != 0) {
          throw new Mismatch(type, ": " + value + " has days, which a year-month interval cannot hold; use "
              + "Period.ofMonths or Period.ofYears");
        }
        return value;
      }
    };
  }

  private static Converter decimal(DecimalType decimal) {
    int precision = decimal.precision();
    int scale = decimal.scale();
    BigInteger limit = BigInteger.TEN.pow(precision);
    return new Converter(decimal) {
      @Override
      Object apply(Object value) {
        BigDecimal number;
        if (value instanceof BigDecimal) {
          number = (BigDecimal) value;
        } else if (value instanceof BigInteger) {
          number = new BigDecimal((BigInteger) value);
        } else {
          throw wrong("java.math.BigDecimal or java.math.BigInteger", value);
        }
        BigDecimal rounded = number.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.unscaledValue().abs().compareTo(limit) >= 0) {
          throw new Mismatch(type, ": " + number.toPlainString() + " needs more than the " + precision
              + " digits of " + type.simpleString());
        }
        return rounded;
      }
    };
  }

  private static Converter array(ArrayType type) {
    Converter elements = converter(type.elementType());
    boolean containsNull = type.containsNull();
    return new Converter(type) {
      @Override
      Object apply(Object value) {
        List<?> list;
        if (value instanceof List) {
          list = (List<?>) value;
        } else if (value instanceof Object[]) {
          list = Arrays.asList((Object[]) value);
        } else if (value.getClass().isArray()) {
          list = primitives(value);
        } else {
          throw wrong("a java.util.List or an array", value);
        }
        List<Object> out = new ArrayList<>(list.size());
        int i = 0;
        for (Object element : list) {
          try {
            out.add(convert(elements, element, containsNull));
          } catch (Mismatch e) {
            throw e.under("[" + i + "]");
          }
          i++;
        }
        return out;
      }
    };
  }

  private static List<Object> primitives(Object array) {
    int length = java.lang.reflect.Array.getLength(array);
    List<Object> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(java.lang.reflect.Array.get(array, i));
    }
    return out;
  }

  private static Converter map(MapType type) {
    Converter keys = converter(type.keyType());
    Converter values = converter(type.valueType());
    boolean valueContainsNull = type.valueContainsNull();
    return new Converter(type) {
      @Override
      Object apply(Object value) {
        if (!(value instanceof Map)) {
          throw wrong("a java.util.Map", value);
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          Object key;
          try {
            key = convert(keys, entry.getKey(), false);
          } catch (Mismatch e) {
            throw e.under(".key");
          }
          try {
            out.put(key, convert(values, entry.getValue(), valueContainsNull));
          } catch (Mismatch e) {
            throw e.under("[" + describe(entry.getKey()) + "]");
          }
        }
        return out;
      }
    };
  }

  private static Converter struct(StructType type) {
    List<StructField> fields = type.fields();
    Converter[] children = new Converter[fields.size()];
    for (int i = 0; i < children.length; i++) {
      children[i] = converter(fields.get(i).dataType());
    }
    return new Converter(type) {
      @Override
      Object apply(Object value) {
        if (!(value instanceof Row)) {
          throw wrong("a Row", value);
        }
        Row row = (Row) value;
        if (row.size() != children.length) {
          throw new Mismatch(type, ": expected a Row of " + children.length + " values, got one of " + row.size());
        }
        Object[] out = new Object[children.length];
        for (int i = 0; i < children.length; i++) {
          StructField field = fields.get(i);
          try {
            out[i] = convert(children[i], row.get(i), field.nullable());
          } catch (Mismatch e) {
            throw e.under("." + field.name());
          }
        }
        return out;
      }
    };
  }

  private static String describe(Object value) {
    String text = value instanceof byte[] ? ((byte[]) value).length + " bytes" : String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
