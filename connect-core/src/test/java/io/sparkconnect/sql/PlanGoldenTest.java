package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import io.sparkconnect.sql.types.DataTypes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The protocol plan each DataFrame operation builds, compared with a reviewed golden text file under
 * {@code src/test/resources/plans}. Building plans contacts no server. Run with {@code -Dgolden.update=true} to
 * rewrite the files after an intended change, then review the diff.
 */
class PlanGoldenTest {
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "plans");
  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkSession.builder().remote("sc://127.0.0.1:1").build();
    spark.operations().assumeServerVersion(io.sparkconnect.sql.internal.ServerVersion.parse("4.1.2"));
  }

  @AfterAll
  static void close() {
    spark.close();
  }

  private static DataFrame people() {
    return spark.read().table("people");
  }

  private static Arguments plan(String name, Function<DataFrame, DataFrame> operation) {
    return Arguments.of(name, operation);
  }

  static Stream<Arguments> operations() {
    DataFrame other = spark.read().table("other");
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put("a", lit(1));
    columns.put("b", col("x").plus(2));
    return Stream.of(
        plan("select", df -> df.select(col("name"), col("age").plus(1).alias("next"))),
        plan("select_expr", df -> df.selectExpr("name", "age * 2 AS double_age")),
        plan("filter_column", df -> df.filter(col("age").gt(21).and(col("name").isNotNull()))),
        plan("filter_sql", df -> df.where("age > 21")),
        plan("with_column", df -> df.withColumn("adult", col("age").geq(18))),
        plan("with_columns", df -> df.withColumns(columns)),
        plan("with_column_renamed", df -> df.withColumnRenamed("age", "years")),
        plan("drop_names", df -> df.drop("age", "name")),
        plan("drop_columns", df -> df.drop(col("age"))),
        plan("to_df", df -> df.toDF("a", "b")),
        plan("alias", df -> df.alias("p")),
        plan("join_using", df -> df.join(other, List.of("id"), "left_outer")),
        plan("join_condition", df -> df.join(other, df.col("id").equalTo(other.col("pid")), "left_anti")),
        plan("cross_join", df -> df.crossJoin(other)),
        plan("group_by_agg", df -> df.groupBy("dept").agg(functions.sum("salary").alias("total"),
            functions.countDistinct(col("name")))),
        plan("group_by_count", df -> df.groupBy(col("dept")).count()),
        plan("rollup", df -> df.rollup("dept", "team").agg(functions.max("salary"))),
        plan("cube", df -> df.cube("dept").agg(functions.min("salary"))),
        plan("grouping_sets", df -> df.groupingSets(List.of(List.of(col("dept")), List.of()), col("dept"))
            .agg(functions.avg("salary"))),
        plan("pivot", df -> df.groupBy("dept").pivot("year", List.of(2023, 2024)).agg(functions.sum("salary"))),
        plan("agg_map", df -> df.groupBy("dept").agg(Map.of("salary", "max"))),
        plan("order_by", df -> df.orderBy(col("age").desc_nulls_first(), col("name").asc())),
        plan("sort_within_partitions", df -> df.sortWithinPartitions("age")),
        plan("limit_offset", df -> df.offset(10).limit(5)),
        plan("distinct", DataFrame::distinct),
        plan("drop_duplicates", df -> df.dropDuplicates("name", "age")),
        plan("union", df -> df.union(other)),
        plan("union_by_name", df -> df.unionByName(other, true)),
        plan("intersect_all", df -> df.intersectAll(other)),
        plan("except", df -> df.except(other)),
        plan("sample", df -> df.sample(true, 0.25, 42)),
        plan("repartition", df -> df.repartition(8)),
        plan("repartition_columns", df -> df.repartition(4, col("dept"))),
        plan("repartition_by_range", df -> df.repartitionByRange(3, col("age").desc())),
        plan("coalesce", df -> df.coalesce(1)),
        plan("hint", df -> df.hint("broadcast")),
        plan("unpivot", df -> df.unpivot(new Column[] {col("id")}, new Column[] {col("q1"), col("q2")}, "quarter",
            "amount")),
        plan("describe", df -> df.describe("age")),
        plan("summary", df -> df.summary("count", "50%")),
        plan("na_drop", df -> df.na().drop("all", "age")),
        plan("na_fill", df -> df.na().fill(Map.of("age", 0))),
        plan("na_replace", df -> df.na().replace("name", Map.of("bob", "robert"))),
        plan("crosstab", df -> df.stat().crosstab("dept", "team")),
        plan("freq_items", df -> df.stat().freqItems(new String[] {"dept"}, 0.1)),
        plan("sample_by", df -> df.stat().sampleBy("dept", Map.of("eng", 0.5), 7)),
        plan("observe", df -> df.observe("metrics", functions.count(lit(1)).alias("rows"))),
        plan("window", df -> df.select(col("name"), functions.rank().over(Window.partitionBy("dept")
            .orderBy(col("salary").desc())).alias("rank"), functions.sum("salary").over(Window.partitionBy("dept")
            .orderBy("id").rowsBetween(Window.unboundedPreceding, Window.currentRow)).alias("running"))),
        plan("when_otherwise", df -> df.select(functions.when(col("age").lt(13), "child")
            .when(col("age").lt(20), "teen").otherwise("adult").alias("group"))),
        plan("column_operators", df -> df.select(col("age").cast(DataTypes.LongType), col("age").cast("string"),
            col("name").isin("a", "b"), col("age").between(1, 9), col("name").like("a%"), col("tags").getItem(0),
            col("address").getField("city"), col("age").notEqual(3), col("age").eqNullSafe(null),
            col("age").negate())),
        plan("literals", df -> df.select(lit(true), lit((byte) 1), lit((short) 2), lit(3), lit(4L), lit(1.5f),
            lit(2.5), lit(new BigDecimal("123.4500")), lit("s"), lit(new byte[] {1, 2}),
            lit(LocalDate.of(2024, 2, 29)), lit(Instant.parse("2024-01-02T03:04:05.123456Z")),
            lit(LocalDateTime.of(2024, 1, 2, 3, 4, 5)), lit(Duration.ofMillis(1500)), lit(Period.of(1, 2, 0)),
            lit(null))),
        plan("functions", df -> df.select(functions.concat_ws(",", col("a"), col("b")), functions.date_add("d", 1),
            functions.array(col("x"), col("y")), functions.call_function("my_udf", col("x")),
            functions.expr("x + 1"), functions.col("*"), functions.col("t.*"))),
        plan("read_files", df -> spark.read().format("csv").option("header", true)
            .schema("id INT, name STRING").load("/data/a.csv", "/data/b.csv")),
        plan("range", df -> spark.range(0, 100, 5, 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void buildsTheGoldenPlan(String name, Function<DataFrame, DataFrame> operation) throws IOException {
    String actual = renumberPlanIds(TextFormat.printer().printToString(operation.apply(people()).plan()));
    Path file = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), "no golden plan " + file + "; run with -Dgolden.update=true and review it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "plan of " + name);
  }

  /** Plan ids count up per session, so files number them by first appearance to stay order-independent. */
  private static String renumberPlanIds(String text) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("plan_id: (\\d+)").matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int id = ids.computeIfAbsent(matcher.group(1), k -> ids.size() + 1);
      matcher.appendReplacement(out, "plan_id: " + id);
    }
    matcher.appendTail(out);
    return out.toString();
  }

  @Test
  void badArgumentsAreRejectedBeforeAnyRequest() {
    DataFrame df = people();
    assertThrows(IllegalArgumentException.class, () -> df.limit(-1));
    assertThrows(IllegalArgumentException.class, () -> df.offset(-1));
    assertThrows(IllegalArgumentException.class, () -> df.sample(1.5));
    assertThrows(IllegalArgumentException.class, () -> df.join(df, List.of("id"), "sideways"));
    assertThrows(IllegalArgumentException.class, () -> df.randomSplit(new double[] {-1, 2}, 1));
    assertThrows(IllegalArgumentException.class, () -> df.na().drop("some"));
    assertThrows(IllegalArgumentException.class, () -> df.write().mode("sometimes"));
    assertThrows(SparkConnectException.class, () -> col("x").otherwise(1));
    assertThrows(SparkConnectException.class, () -> functions.when(col("x"), 1).otherwise(2).otherwise(3));
    assertThrows(IllegalArgumentException.class, () -> lit(new Object()));
    assertThrows(IllegalArgumentException.class, () -> lit(new BigDecimal("1e40")));
    assertThrows(IllegalArgumentException.class, () -> Window.rowsBetween(5, 1));
    assertThrows(IllegalArgumentException.class, () -> spark.range(0, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> spark.addTag(""));
    assertThrows(SparkConnectException.class, () -> df.groupBy(col("a")).pivot("b").pivot("c"));
    assertThrows(IllegalArgumentException.class, () -> df.sample(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> df.sample(true, Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> df.randomSplit(new double[] {Double.NaN, 1}, 1));
    assertThrows(IllegalArgumentException.class, () -> spark.range(0, 10, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> spark.range(0, 10, 1, -2));
    assertThrows(IllegalArgumentException.class, () -> df.stat().freqItems());
    assertThrows(IllegalArgumentException.class, () -> df.stat().freqItems(new String[] {"a"}, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> df.stat().approxQuantile(new String[] {"a"}, new double[] {Double.NaN}, 0));
  }

  @Test
  void dataFramesOfTwoSessionsAreNotCombined() {
    try (SparkSession other = SparkSession.builder().remote("sc://127.0.0.1:1").build()) {
      DataFrame mine = spark.range(5);
      DataFrame theirs = other.range(3);
      IllegalArgumentException join = assertThrows(IllegalArgumentException.class,
          () -> mine.join(theirs, mine.col("id").equalTo(theirs.col("id"))));
      assertTrue(join.getMessage().contains("two different SparkSessions"), join.getMessage());
      assertThrows(IllegalArgumentException.class, () -> mine.crossJoin(theirs));
      IllegalArgumentException union = assertThrows(IllegalArgumentException.class, () -> mine.union(theirs));
      assertTrue(union.getMessage().startsWith("Cannot union"), union.getMessage());
      assertThrows(IllegalArgumentException.class, () -> mine.exceptAll(theirs));
      assertThrows(IllegalArgumentException.class, () -> mine.sameSemantics(theirs));
      assertTrue(mine.join(spark.range(3)).plan().hasJoin(), "one session's frames still combine");
    }
  }

  @Test
  void planIdsAreUniqueWithinASession() {
    DataFrame a = people().select("x");
    DataFrame b = people().select("x");
    assertTrue(a.plan().getCommon().getPlanId() != b.plan().getCommon().getPlanId());
  }
}
