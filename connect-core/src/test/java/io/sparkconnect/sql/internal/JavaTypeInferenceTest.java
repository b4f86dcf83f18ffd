package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Schemas inferred from records and beans, as Spark infers them, and the rows of their instances. */
class JavaTypeInferenceTest {
  enum Color { RED, GREEN }

  record Address(String city, int zip) {}

  record Everything(boolean flag, byte b, short s, int i, long l, float f, double d,
      Boolean boxedFlag, Integer boxedInt, Long boxedLong, String text, BigDecimal money, BigInteger big,
      byte[] bytes, LocalDate day, java.sql.Date sqlDay, Instant at, java.sql.Timestamp sqlAt, LocalDateTime local,
      Duration took, Period span, Color color, Optional<String> maybe, Optional<Address> maybeAddress,
      List<Integer> numbers, int[] primitives, String[] words, List<List<Address>> nested,
      Map<String, Address> byName, Address address) {}

  /** A bean: properties by name, getters only, isX for a boolean. */
  public static final class Person {
    private final String name;
    private final int age;
    private final boolean active;
    private final Address home;
    private final List<String> tags;

    Person(String name, int age, boolean active, Address home, List<String> tags) {
      this.name = name;
      this.age = age;
      this.active = active;
      this.home = home;
      this.tags = tags;
    }

    public String getName() {
      return name;
    }

    public int getAge() {
      return age;
    }

    public boolean isActive() {
      return active;
    }

    public Address getHome() {
      return home;
    }

    public List<String> getTags() {
      return tags;
    }

    public String getURL() {
      return "u:" + name;
    }

    public static String getIgnoredStatic() {
      return "static";
    }

    public String describe() {
      return "not a getter";
    }
  }

  @Test
  void recordsKeepTheirComponentOrderAndMapEveryType() {
    StructType address = new StructType(List.of(new StructField("city", DataTypes.StringType, true),
        new StructField("zip", DataTypes.IntegerType, false)));
    StructType expected = new StructType(List.of(
        new StructField("flag", DataTypes.BooleanType, false),
        new StructField("b", DataTypes.ByteType, false),
        new StructField("s", DataTypes.ShortType, false),
        new StructField("i", DataTypes.IntegerType, false),
        new StructField("l", DataTypes.LongType, false),
        new StructField("f", DataTypes.FloatType, false),
        new StructField("d", DataTypes.DoubleType, false),
        new StructField("boxedFlag", DataTypes.BooleanType, true),
        new StructField("boxedInt", DataTypes.IntegerType, true),
        new StructField("boxedLong", DataTypes.LongType, true),
        new StructField("text", DataTypes.StringType, true),
        new StructField("money", new DecimalType(38, 18), true),
        new StructField("big", new DecimalType(38, 0), true),
        new StructField("bytes", DataTypes.BinaryType, true),
        new StructField("day", DataTypes.DateType, true),
        new StructField("sqlDay", DataTypes.DateType, true),
        new StructField("at", DataTypes.TimestampType, true),
        new StructField("sqlAt", DataTypes.TimestampType, true),
        new StructField("local", DataTypes.TimestampNTZType, true),
        new StructField("took", IntervalType.dayTime(0, 3), true),
        new StructField("span", IntervalType.yearMonth(0, 1), true),
        new StructField("color", DataTypes.StringType, true),
        new StructField("maybe", DataTypes.StringType, true),
        new StructField("maybeAddress", address, true),
        new StructField("numbers", new ArrayType(DataTypes.IntegerType, true), true),
        new StructField("primitives", new ArrayType(DataTypes.IntegerType, false), true),
        new StructField("words", new ArrayType(DataTypes.StringType, true), true),
        new StructField("nested", new ArrayType(new ArrayType(address, true), true), true),
        new StructField("byName", new MapType(DataTypes.StringType, address, true), true),
        new StructField("address", address, true)));
    JavaTypeInference.Inferred inferred = JavaTypeInference.infer(Everything.class);
    assertEquals(expected, inferred.schema());

    Address home = new Address("Oslo", 150);
    Everything value = new Everything(true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, null, 7, null, "t",
        new BigDecimal("1.5"), BigInteger.TEN, new byte[] {9}, LocalDate.of(2024, 1, 2), null,
        Instant.EPOCH, null, LocalDateTime.of(2024, 1, 2, 3, 4), Duration.ofSeconds(5), Period.ofMonths(6),
        Color.GREEN, Optional.empty(), Optional.of(home), Arrays.asList(1, null), new int[] {1, 2},
        new String[] {"a", null}, List.of(List.of(home)), Map.of("h", home), null);
    Row row = inferred.row(value);
    assertEquals(expected, row.schema());
    Row homeRow = Row.of("Oslo", 150);
    assertEquals(Arrays.asList(true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, null, 7, null, "t",
        new BigDecimal("1.5"), BigInteger.TEN), row.toList().subList(0, 13));
    assertArrayEquals(new byte[] {9}, (byte[]) row.get(13));
    assertEquals(Arrays.asList(LocalDate.of(2024, 1, 2), null, Instant.EPOCH, null,
        LocalDateTime.of(2024, 1, 2, 3, 4), Duration.ofSeconds(5), Period.ofMonths(6), "GREEN", null, homeRow,
        Arrays.asList(1, null), List.of(1, 2), Arrays.asList("a", null), List.of(List.of(homeRow)),
        Map.of("h", homeRow), null), row.toList().subList(14, 30));
  }

  @Test
  void beansHaveTheirPropertiesByName() {
    JavaTypeInference.Inferred inferred = JavaTypeInference.infer(Person.class);
    assertEquals(List.of("URL", "active", "age", "home", "name", "tags"), inferred.schema().fieldNames());
    assertEquals(new StructField("active", DataTypes.BooleanType, false), inferred.schema().field(1));
    assertEquals(new StructField("age", DataTypes.IntegerType, false), inferred.schema().field(2));
    Row row = inferred.row(new Person("ann", 41, true, null, List.of("x")));
    assertEquals(Arrays.asList("u:ann", true, 41, null, "ann", List.of("x")), row.toList());
    assertNull(row.get("home"));
  }

  record WithChar(String name, char initial) {}

  record WithObject(Map<String, Object> anything) {}

  record WithRaw(@SuppressWarnings("rawtypes") List items) {}

  record Node(String name, List<Node> children) {}

  record Generic<T>(T value) {}

  @Test
  void unmappableFieldsAreNamed() {
    assertEquals("Cannot infer a Spark type for field 'initial' of type char: it has no Spark type. Supported are "
        + "primitives and their boxes, String, BigDecimal, BigInteger, byte[], LocalDate, java.sql.Date, Instant, "
        + "java.sql.Timestamp, LocalDateTime, Duration, Period, enums, Optional, List, arrays, Map, and nested "
        + "records and JavaBeans", message(WithChar.class));
    assertStarts("Cannot infer a Spark type for field 'anything.value' of type java.lang.Object: it has no Spark "
        + "type.", message(WithObject.class));
    assertStarts("Cannot infer a Spark type for field 'items' of type java.util.List: it needs its type "
        + "arguments, such as List<String>.", message(WithRaw.class));
    assertEquals("Cannot infer a schema from " + Node.class.getName() + " at 'children[].': it contains itself, "
        + "and Spark types cannot be recursive", message(Node.class));
    assertStarts("Cannot infer a Spark type for field 'value' of type T: a type variable or wildcard has no Spark "
        + "type; give the type itself.", message(Generic.class));
    assertEquals("Cannot infer a schema from java.lang.String: it is neither a record nor a JavaBean with public "
        + "getters", message(String.class));
  }

  private static void assertStarts(String prefix, String message) {
    assertTrue(message.startsWith(prefix), message);
  }

  private static String message(Class<?> type) {
    return assertThrows(IllegalArgumentException.class, () -> JavaTypeInference.infer(type)).getMessage();
  }
}
