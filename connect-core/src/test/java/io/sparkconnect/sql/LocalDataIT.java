package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.PeriodDuration;

/**
 * Local data to Spark with {@code createDataFrame}: every type with nulls and nesting, records and beans, Arrow
 * roots, bad input, and data sent as a cached local relation, also past the server's inbound message limit. Values
 * come back exactly as they went in.
 */
class LocalDataIT {
  private static final String THRESHOLD = "spark.sql.session.localRelationCacheThreshold";

  private static final StructType INNER = StructType.empty()
      .add("x", DataTypes.IntegerType, false)
      .add("y", StructType.empty().add("z", DataTypes.StringType)
          .add("w", new MapType(DataTypes.IntegerType, DataTypes.BinaryType, true)))
      .add("arr", new ArrayType(StructType.empty().add("q", new DecimalType(10, 3)), false));
  private static final StructType ALL = StructType.empty()
      .add("n", DataTypes.NullType)
      .add("bool", DataTypes.BooleanType)
      .add("byte", DataTypes.ByteType)
      .add("short", DataTypes.ShortType)
      .add("int", DataTypes.IntegerType, false)
      .add("long", DataTypes.LongType)
      .add("float", DataTypes.FloatType)
      .add("double", DataTypes.DoubleType)
      .add("dec", new DecimalType(38, 10))
      .add("dec_small", new DecimalType(5, 2))
      .add("s", DataTypes.StringType)
      .add("bin", DataTypes.BinaryType)
      .add("date", DataTypes.DateType)
      .add("ts", DataTypes.TimestampType)
      .add("ntz", DataTypes.TimestampNTZType)
      .add("ym", IntervalType.yearMonth(0, 1))
      .add("dt", IntervalType.dayTime(0, 3))
      .add("cal", DataTypes.CalendarIntervalType)
      .add("arr", new ArrayType(DataTypes.IntegerType, true))
      .add("nested", new ArrayType(new ArrayType(DataTypes.StringType, true), false))
      .add("m", new MapType(DataTypes.StringType, StructType.empty().add("a", DataTypes.LongType)
          .add("b", new ArrayType(DataTypes.DoubleType, true)), true))
      .add("st", INNER);

  /** Column 17, the calendar interval: Spark 3.5 has no Arrow form of it and refuses it in local data. */
  private static final int CALENDAR = 17;

  /** {@link #ALL} as a server of this version takes it. */
  private static StructType all(SparkConnectServer server) {
    if (!server.sparkVersion().startsWith("3.")) {
      return ALL;
    }
    List<StructField> fields = new ArrayList<>(ALL.fields());
    fields.remove(CALENDAR);
    return new StructType(fields);
  }

  /** {@link #rows(int)} for {@link #all}. */
  private static List<Row> rows(SparkConnectServer server, int count) {
    List<Row> rows = rows(count);
    return server.sparkVersion().startsWith("3.") ? without(rows, CALENDAR) : rows;
  }

  /** The rows without one column. */
  private static List<Row> without(List<Row> rows, int column) {
    List<Row> without = new ArrayList<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>(row.toList());
      values.remove(column);
      without.add(Row.fromList(values));
    }
    return without;
  }

  private static final String[] STRINGS = {"", "plain", "ünïcødé ✓ 𝄞", "line\nbreak\0nul", "x".repeat(300)};
  private static final BigDecimal[] DECIMALS = {new BigDecimal("0E-10"),
      new BigDecimal("1234567890123456789012345678.0123456789"),
      new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001"),
      new BigDecimal("-1.5000000000"), new BigDecimal("9223372036854775808.0000000000")};
  private static final Instant[] INSTANTS = {Instant.EPOCH, Instant.parse("1900-01-01T00:00:00.000001Z"),
      Instant.ofEpochSecond(-1, 999_999_000), Instant.parse("2262-04-11T23:47:16.854775Z"),
      Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2024-02-29T12:34:56.789012Z")};
  private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40};

  /** Row {@code i} of {@link #ALL}: edge values, nulls at every level (every 11th row is all nulls). */
  private static Row row(int i) {
    boolean none = i % 11 == 5;
    Map<String, Row> m = new LinkedHashMap<>();
    for (int k = 0; k < i % 4; k++) {
      m.put("k" + (3 - k), k == 1 ? null : Row.of((long) i * k, k % 2 == 0 ? List.of() : Arrays.asList(1.5, null)));
    }
    Map<Integer, byte[]> w = new LinkedHashMap<>();
    w.put(i, new byte[] {1, 2, 3});
    w.put(-i - 1, null);
    w.put(0, new byte[0]);
    return Row.of(
        null,
        or(none || i % 7 == 3, i % 2 == 0),
        or(none, (byte) (i % 2 == 0 ? Byte.MIN_VALUE + i % 100 : Byte.MAX_VALUE - i % 100)),
        or(none, (short) (i % 3 == 0 ? Short.MIN_VALUE + i : i * 31)),
        i % 5 == 0 ? Integer.MAX_VALUE - i : -i * 1_000_003,
        or(none, LONGS[i % LONGS.length] + (i % LONGS.length == 5 ? i : 0)),
        or(none, i % 9 == 0 ? Float.NaN : i % 9 == 1 ? -0.0f : i % 9 == 2 ? Float.MIN_VALUE : i * 0.25f),
        or(none, i % 8 == 0 ? Double.NEGATIVE_INFINITY : i % 8 == 1 ? Double.MAX_VALUE : i / 3.0),
        or(none || i % 6 == 4, DECIMALS[i % DECIMALS.length]),
        or(none, new BigDecimal(i % 2 == 0 ? "-999.99" : "1.50").add(BigDecimal.valueOf(i % 2))),
        or(none || i % 3 == 2, STRINGS[i % STRINGS.length]),
        or(none, i % 4 == 0 ? new byte[0] : new byte[] {(byte) i, 0, (byte) 0xFF, (byte) (i * 7)}),
        or(none, i % 3 == 0 ? LocalDate.of(1582, 10, 4).minusDays(i) : LocalDate.of(9999, 12, 31).minusDays(i * 400L)),
        or(none, INSTANTS[i % INSTANTS.length]),
        or(none, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000).plusSeconds(i * 86_401L)),
        or(none, Period.ofMonths(i % 2 == 0 ? -i * 13 : i * 7).normalized()),
        or(none, Duration.ofSeconds(-i * 3_600L, i * 1000L)),
        or(none, new PeriodDuration(Period.of(0, i - 3, -i), Duration.ofNanos(i * 1_000_000L))),
        or(none || i % 5 == 2, i % 5 == 0 ? List.of() : Arrays.asList(i, null, -i, Integer.MIN_VALUE)),
        or(none, i % 4 == 0 ? List.of() : Arrays.asList(Arrays.asList("a" + i, null), List.of(),
            List.of(STRINGS[i % STRINGS.length]))),
        or(none || i % 6 == 1, m),
        or(none || i % 5 == 3, Row.of(i, i % 3 == 1 ? null : Row.of(i % 2 == 0 ? null : "z" + i, i % 4 == 0 ? null
            : w), i % 4 == 2 ? List.of() : List.of(Row.of(new BigDecimal("-1234567.891")), Row.of((Object) null),
                Row.of(BigDecimal.valueOf(i, 3))))));
  }

  private static Object or(boolean isNull, Object value) {
    return isNull ? null : value;
  }

  private static List<Row> rows(int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  @SparkConnectTest
  void everyTypeRoundTripsExactlyWithNullsAndNesting(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      List<Row> rows = rows(server, 200);
      StructType all = all(server);
      DataFrame df = spark.createDataFrame(rows, all);
      assertTrue(df.plan().hasLocalRelation(), "small data goes inline");
      assertEquals(all, df.schema(), "the server sees the schema as given, nullability included");
      assertEquals(plain(rows), plain(df.collect()));

      df.createOrReplaceTempView("local_all");
      Row stats = spark.sql("SELECT count(*), count(s), sum(int), max(dec), min(date), "
          + "sum(CASE WHEN arr IS NULL THEN 0 ELSE size(arr) END), sum(CASE WHEN m IS NULL THEN 0 ELSE size(m) END), "
          + "count(st.y.w), max(ts), sum(dec_small) FROM local_all").collect().get(0);
      List<List<Object>> columns = new ArrayList<>();
      for (String name : List.of("s", "int", "dec", "date", "arr", "m", "st", "dec_small")) {
        List<Object> column = new ArrayList<>();
        rows.forEach(r -> column.add(r.get(all.fieldIndex(name))));
        columns.add(column);
      }
      assertEquals(List.of(200L,
          columns.get(0).stream().filter(v -> v != null).count(),
          columns.get(1).stream().mapToLong(v -> (Integer) v).sum(),
          columns.get(2).stream().filter(v -> v != null).map(v -> (BigDecimal) v).max(BigDecimal::compareTo).get(),
          columns.get(3).stream().filter(v -> v != null).map(v -> (LocalDate) v).min(LocalDate::compareTo).get(),
          columns.get(4).stream().filter(v -> v != null).mapToLong(v -> ((List<?>) v).size()).sum(),
          columns.get(5).stream().filter(v -> v != null).mapToLong(v -> ((Map<?, ?>) v).size()).sum(),
          columns.get(6).stream().filter(v -> v != null && ((Row) v).get(1) != null
              && ((Row) v).getStruct(1).get(1) != null).count(),
          Instant.parse("2262-04-11T23:47:16.854775Z"),
          columns.get(7).stream().filter(v -> v != null).map(v -> (BigDecimal) v).reduce(BigDecimal::add).get()),
          stats.toList());
    }
  }

  @SparkConnectTest
  void rowsWithTheirOwnSchemaAndNoRows(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      List<Row> collected = spark.sql("SELECT id, CAST(id AS STRING) AS s, array(id, NULL) AS a FROM range(5)")
          .collect();
      DataFrame again = spark.createDataFrame(collected);
      assertEquals(collected.get(0).schema(), again.schema());
      assertEquals(plain(collected), plain(again.collect()));

      if (!server.sparkVersion().startsWith("3.")) {
        List<Row> variants = spark.sql("SELECT parse_json(j) AS v, array(parse_json(j)) AS a FROM VALUES "
            + "('{\"a\": [1, 2.5, null]}'), ('\"text\"'), (NULL) AS t(j)").collect();
        DataFrame back = spark.createDataFrame(variants);
        assertEquals(variants.get(0).schema(), back.schema());
        assertEquals(variants, back.collect());
        assertEquals(List.of(Row.of("{\"a\":[1,2.5,null]}")), back.selectExpr("to_json(v)").limit(1).collect());
      }
      if (server.sparkVersion().compareTo("4.1") >= 0) {
        spark.conf().set("spark.sql.timeType.enabled", "true");
        StructType times = StructType.empty().add("t", io.sparkconnect.sql.types.SizedType.timeType(6))
            .add("ts", new ArrayType(io.sparkconnect.sql.types.SizedType.timeType(6), true));
        List<Row> timeRows = List.of(Row.of(LocalTime.of(23, 59, 59, 999_999_000), List.of(LocalTime.NOON)),
            Row.of(null, Arrays.asList(LocalTime.MIDNIGHT, null)));
        DataFrame t = spark.createDataFrame(timeRows, times);
        assertEquals(times, t.schema());
        assertEquals(plain(timeRows), plain(t.collect()));
      }

      DataFrame empty = spark.createDataFrame(List.of(), all(server));
      assertEquals(all(server), empty.schema());
      assertEquals(List.of(), empty.collect());
      assertEquals(0L, empty.count());
    }
  }

  enum Size { SMALL, LARGE }

  record Item(String sku, int quantity, BigDecimal price, Optional<String> note, Size size) {}

  record Order(long id, Instant placed, LocalDate due, LocalDateTime local, java.sql.Timestamp legacy,
      List<Item> items, Map<String, Integer> counts, String[] labels, double[] weights, byte[] blob, Item first,
      Optional<Item> gift, Duration took, Period term) {}

  /** A JavaBean: its properties come in the order of their names. */
  public static final class Customer {
    private final String name;
    private final Integer age;
    private final List<Order> orders;

    Customer(String name, Integer age, List<Order> orders) {
      this.name = name;
      this.age = age;
      this.orders = orders;
    }

    public String getName() {
      return name;
    }

    public Integer getAge() {
      return age;
    }

    public List<Order> getOrders() {
      return orders;
    }

    public boolean isAdult() {
      return age != null && age >= 18;
    }
  }

  @SparkConnectTest
  void recordsAndBeansWithNesting(SparkConnectServer server) {
    Item pen = new Item("pen", 3, new BigDecimal("1.25"), Optional.of("blue"), Size.SMALL);
    Item desk = new Item("desk", 1, new BigDecimal("12345678901234567890.123456789012345678"), Optional.empty(),
        Size.LARGE);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("a", 1);
    counts.put("b", null);
    Order first = new Order(1, Instant.parse("2024-05-01T10:15:30.123456Z"), LocalDate.of(2024, 6, 1),
        LocalDateTime.of(2024, 5, 1, 12, 0), java.sql.Timestamp.from(Instant.parse("2001-02-03T04:05:06.789Z")),
        List.of(pen, desk), counts, new String[] {"x", null}, new double[] {0.5, -1}, new byte[] {7, 8}, pen,
        Optional.empty(), Duration.ofMinutes(90), Period.ofYears(2));
    Order second = new Order(2, Instant.EPOCH, LocalDate.EPOCH, LocalDateTime.MIN.withYear(1), null, List.of(),
        Map.of(), new String[0], new double[0], null, null, Optional.of(desk), Duration.ZERO, Period.ZERO);

    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      DataFrame orders = spark.createDataFrame(List.of(first, second), Order.class);
      StructType item = StructType.empty().add("sku", DataTypes.StringType).add("quantity", DataTypes.IntegerType,
          false).add("price", new DecimalType(38, 18)).add("note", DataTypes.StringType).add("size",
          DataTypes.StringType);
      StructType expectedSchema = StructType.empty().add("id", DataTypes.LongType, false)
          .add("placed", DataTypes.TimestampType).add("due", DataTypes.DateType)
          .add("local", DataTypes.TimestampNTZType).add("legacy", DataTypes.TimestampType)
          .add("items", new ArrayType(item, true)).add("counts", new MapType(DataTypes.StringType,
              DataTypes.IntegerType, true)).add("labels", new ArrayType(DataTypes.StringType, true))
          .add("weights", new ArrayType(DataTypes.DoubleType, false)).add("blob", DataTypes.BinaryType)
          .add("first", item).add("gift", item).add("took", IntervalType.dayTime(0, 3))
          .add("term", IntervalType.yearMonth(0, 1));
      assertEquals(expectedSchema, orders.schema());
      Row penRow = Row.of("pen", 3, new BigDecimal("1.250000000000000000"), "blue", "SMALL");
      Row deskRow = Row.of("desk", 1, new BigDecimal("12345678901234567890.123456789012345678"), null, "LARGE");
      assertEquals(plain(List.of(
          Row.of(1L, first.placed(), first.due(), first.local(), Instant.parse("2001-02-03T04:05:06.789Z"),
              List.of(penRow, deskRow), counts, Arrays.asList("x", null), List.of(0.5, -1.0), new byte[] {7, 8},
              penRow, null, Duration.ofMinutes(90), Period.ofYears(2)),
          Row.of(2L, Instant.EPOCH, LocalDate.EPOCH, LocalDateTime.MIN.withYear(1), null, List.of(), Map.of(),
              List.of(), List.of(), null, null, deskRow, Duration.ZERO, Period.ZERO))), plain(orders.collect()));
      assertEquals(List.of(Row.of("pen", 3L), Row.of("desk", 1L)), orders.selectExpr("explode(items) AS i")
          .selectExpr("i.sku", "CAST(i.quantity AS BIGINT)").collect());

      DataFrame customers = spark.createDataFrame(List.of(new Customer("ann", 41, List.of(first)),
          new Customer("bob", null, List.of())), Customer.class);
      assertEquals(List.of("adult", "age", "name", "orders"), customers.schema().fieldNames());
      assertEquals(new StructField("adult", DataTypes.BooleanType, false), customers.schema().field(0));
      assertEquals(new ArrayType(expectedSchema, true), customers.schema().field(3).dataType());
      List<Row> back = customers.collect();
      assertEquals(Arrays.asList(true, 41, "ann"), back.get(0).toList().subList(0, 3));
      assertEquals(Arrays.asList(false, null, "bob", List.of()), back.get(1).toList());
      assertEquals(plain(orders.collect().get(0)), plain(back.get(0).getList(3).get(0)));
      assertEquals(3L + 1, spark.createDataFrame(List.of(new Customer("ann", 41, List.of(first))), Customer.class)
          .selectExpr("aggregate(orders[0].items, 0, (acc, i) -> acc + i.quantity) AS n").collect().get(0)
          .getInt(0));
    }
  }

  @SparkConnectTest
  void anArrowRootOfJavaArrowVectors(SparkConnectServer server) {
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector ids = new BigIntVector("id", allocator);
        VarCharVector names = new VarCharVector("name", allocator);
        ListVector scores = ListVector.empty("scores", allocator)) {
      int count = 3000;
      UnionListWriter writer = scores.getWriter();
      for (int i = 0; i < count; i++) {
        ids.setSafe(i, i * 3L);
        if (i % 4 == 1) {
          names.setNull(i);
        } else {
          names.setSafe(i, ("name-" + i).getBytes(StandardCharsets.UTF_8));
        }
        writer.setPosition(i);
        if (i % 5 != 2) {
          writer.startList();
          for (int k = 0; k < i % 3; k++) {
            writer.bigInt().writeBigInt(i + k);
          }
          writer.endList();
        }
      }
      ids.setValueCount(count);
      names.setValueCount(count);
      scores.setValueCount(count);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(ids, names, scores);
          SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
        DataFrame df = spark.createDataFrame(root);
        assertEquals(StructType.empty().add("id", DataTypes.LongType).add("name", DataTypes.StringType)
            .add("scores", new ArrayType(DataTypes.LongType, true)), df.schema());
        List<Row> back = df.collect();
        assertEquals(count, back.size());
        for (int i = 0; i < count; i++) {
          List<Long> expectedScores = new ArrayList<>();
          for (int k = 0; k < i % 3; k++) {
            expectedScores.add((long) i + k);
          }
          assertEquals(Arrays.asList(i * 3L, i % 4 == 1 ? null : "name-" + i, i % 5 == 2 ? null : expectedScores),
              back.get(i).toList(), "row " + i);
        }
        assertEquals(count, root.getRowCount(), "the root is left as it was");
      }
    }
  }

  record WithChar(String name, char initial) {}

  @SparkConnectTest
  void badInputIsRefusedBeforeAnythingIsSent(SparkConnectServer server) {
    StructType schema = StructType.empty().add("id", DataTypes.LongType, false).add("tags",
        new ArrayType(DataTypes.StringType, true)).add("inner", StructType.empty().add("d", new DecimalType(4, 1)));
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      assertEquals("Row 1, column 'id' (bigint): expected java.lang.Long, got java.lang.Integer (2)",
          refused(() -> spark.createDataFrame(List.of(Row.of(1L, null, null), Row.of(2, null, null)), schema)));
      assertEquals("Row 0, column 'id' (bigint) is not nullable, but its value is null",
          refused(() -> spark.createDataFrame(List.of(Row.of(null, null, null)), schema)));
      assertEquals("Row 0, column 'tags[1]' (string): expected java.lang.String, got java.lang.Integer (7)",
          refused(() -> spark.createDataFrame(List.of(Row.of(1L, Arrays.asList("a", 7), null)), schema)));
      assertEquals("Row 0, column 'inner.d' (decimal(4,1)): 12345.6 needs more than the 4 digits of decimal(4,1)",
          refused(() -> spark.createDataFrame(List.of(Row.of(1L, null, Row.of(new BigDecimal("12345.6")))),
              schema)));
      assertEquals("Row 0 has 2 values, but the schema has 3 columns [id, tags, inner]",
          refused(() -> spark.createDataFrame(List.of(Row.of(1L, null)), schema)));
      assertTrue(refused(() -> spark.createDataFrame(List.of(new WithChar("a", 'b')), WithChar.class))
          .startsWith("Cannot infer a Spark type for field 'initial' of type char: it has no Spark type."));
      assertEquals("Row 1: An element of the data is null; each element is a " + Item.class.getName(),
          refused(() -> spark.createDataFrame(Arrays.asList(new Item("a", 1, null, Optional.empty(), null), null),
              Item.class)));
      assertEquals("createDataFrame(rows) takes the schema from the rows, but row 0 has none (rows made by Row.of "
          + "have none); use createDataFrame(rows, schema)",
          refused(() -> spark.createDataFrame(List.of(Row.of(1L)))));
      try (RootAllocator allocator = new RootAllocator();
          UInt4Vector unsigned = new UInt4Vector("u", allocator);
          VectorSchemaRoot root = VectorSchemaRoot.of(unsigned)) {
        assertEquals("Field 'u' has Arrow type Int(32, false), which Spark does not use: its integers are signed "
            + "and of 8, 16, 32 or 64 bits", refused(() -> spark.createDataFrame(root)));
      }
      assertEquals(List.of(Row.of(1L)), spark.createDataFrame(List.of(Row.of(1L, null, null)), schema)
          .select("id").collect(), "the session stays usable");
    }
  }

  @SparkConnectTest
  void dataAboveTheThresholdGoesAsACachedRelation(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      List<Row> rows = rows(server, 25_000);
      StructType all = all(server);
      // The default is 64 MiB on 3.5 and 1 MiB on 4.1: set it either way.
      spark.conf().set(THRESHOLD, String.valueOf(256 << 20));
      DataFrame inline = spark.createDataFrame(rows, all);
      assertTrue(inline.plan().hasLocalRelation(), inline.plan().getRelTypeCase().toString());
      // 4.1 reads every record batch of the stream; older servers read only the first (SPARK-53342), so they get one.
      assertEquals(server.sparkVersion().startsWith("3.") ? 1 : 3,
          recordBatches(inline.plan().getLocalRelation().getData().toByteArray()));

      spark.conf().set(THRESHOLD, String.valueOf(64 * 1024));
      DataFrame cached = spark.createDataFrame(rows, all);
      assertTrue(cached.plan().hasCachedLocalRelation(), cached.plan().getRelTypeCase().toString());
      assertEquals(all, cached.schema());
      // Spark 3.5 fails to return more than about 4000 day-time intervals from one partition (its Arrow writer
      // overruns the vector: "index: 504, length: 1"), with or without local data; so 3.5 gets the rest back.
      boolean dayTimeBug = server.sparkVersion().startsWith("3.");
      List<Row> expected = dayTimeBug ? without(rows, all.fieldIndex("dt")) : rows;
      assertEquals(plain(expected), plain((dayTimeBug ? cached.drop("dt") : cached).collect()));
      assertEquals(plain(expected), plain((dayTimeBug ? inline.drop("dt") : inline).collect()));
      cached.createOrReplaceTempView("cached_all");
      assertEquals(List.of(25_000L, rows.stream().mapToLong(r -> r.getInt(all.fieldIndex("int"))).sum()),
          spark.sql("SELECT count(*), sum(int) FROM cached_all").collect().get(0).toList());
      DataFrame again = spark.createDataFrame(rows, all);
      assertEquals(plain(expected), plain((dayTimeBug ? again.drop("dt") : again).collect()), "the same data again");
    }
  }

  @SparkConnectTest
  void dataLargerThanTheServersInboundMessageLimit(SparkConnectServer shared) {
    int limit = 4 << 20;
    List<Row> rows = new ArrayList<>();
    StructType schema = StructType.empty().add("id", DataTypes.LongType, false).add("text", DataTypes.StringType)
        .add("values", new ArrayType(DataTypes.DoubleType, false));
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 60_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 20; k++) {
        text.append(Long.toHexString(random.nextLong()));
      }
      rows.add(Row.of((long) i, text.toString(), List.of(i * 0.5, -i * 0.25, (double) i)));
    }
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(shared.sparkVersion())
        .conf("spark.connect.grpc.maxInboundMessageSize", String.valueOf(limit)).start();
        SparkSession spark = SparkSession.builder().remote(server.connectionString()).build()) {
      spark.conf().set(THRESHOLD, String.valueOf(256 << 20));
      DataFrame tooLargeInline = spark.createDataFrame(rows, schema);
      assertTrue(tooLargeInline.plan().getSerializedSize() > 2 * limit, tooLargeInline.plan().getSerializedSize()
          + " bytes");
      // The server refuses the message: 4.1 answers RESOURCE_EXHAUSTED, 3.5 resets the stream (CANCEL).
      assertThrows(SparkConnectException.class, tooLargeInline::count);
      assertEquals(List.of(Row.of(1L)), spark.sql("SELECT 1L").collect(), "the session stays usable");

      spark.conf().set(THRESHOLD, String.valueOf(1 << 20));
      DataFrame df = spark.createDataFrame(rows, schema);
      assertTrue(df.plan().hasCachedLocalRelation());
      assertEquals(schema, df.schema());
      assertEquals(plain(rows), plain(df.collect()));
      assertEquals(List.of(60_000L, 60_000L * 59_999 / 2), df.selectExpr("count(*)", "sum(id)").collect().get(0)
          .toList());
    }
  }

  /** The number of record batch messages in an Arrow IPC stream. */
  private static int recordBatches(byte[] ipc) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(ipc).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int batches = 0;
    while (in.remaining() >= 8) {
      in.getInt(); // continuation
      int length = in.getInt();
      if (length == 0) {
        break;
      }
      java.nio.ByteBuffer metadata = in.slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
      metadata.limit(length);
      org.apache.arrow.flatbuf.Message message = org.apache.arrow.flatbuf.Message.getRootAsMessage(metadata);
      if (message.headerType() == org.apache.arrow.flatbuf.MessageHeader.RecordBatch) {
        batches++;
      }
      in.position(in.position() + length + (int) message.bodyLength());
    }
    return batches;
  }

  private static String refused(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }

  /** Values in a comparable form: rows and arrays as lists, bytes as hex, maps in order; all else as is. */
  private static Object plain(Object value) {
    if (value instanceof Row) {
      return plain(((Row) value).toList());
    }
    if (value instanceof byte[]) {
      return "0x" + HexFormat.of().formatHex((byte[]) value);
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) value) {
        out.add(plain(element));
      }
      return out;
    }
    if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(plain(k), plain(v)));
      return out;
    }
    if (value instanceof DataType) {
      return ((DataType) value).simpleString();
    }
    return value;
  }
}
