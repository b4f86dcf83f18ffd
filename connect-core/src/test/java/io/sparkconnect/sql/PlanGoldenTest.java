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

  // ---- commands: writers, merge and checkpoints run at once, so their command is pinned before it is sent

  private static Arguments command(String name, Function<DataFrame, io.sparkconnect.proto.Command> build) {
    return Arguments.of(name, build);
  }

  static Stream<Arguments> commands() {
    Map<String, Column> assignments = new LinkedHashMap<>();
    assignments.put("salary", col("source.salary").plus(1));
    assignments.put("name", col("source.name"));
    return Stream.of(
        command("write_path", df -> df.write().format("parquet").mode(SaveMode.Overwrite)
            .option("compression", "snappy").option("COMPRESSION", "zstd").option("mergeSchema", true)
            .option("maxRecordsPerFile", 1000L).option("ratio", 0.5).options(Map.of("k", 7))
            .partitionBy("dept", "year").pathCommand("/data/out")),
        command("write_save_no_path", df -> df.write().format("noop").mode("append").pathCommand(null)),
        command("write_save_as_table", df -> df.write().format("parquet").mode("ignore").bucketBy(4, "id", "dept")
            .sortBy("name").tableCommand("db.people", io.sparkconnect.proto.WriteOperation.SaveTable
                .TableSaveMethod.TABLE_SAVE_METHOD_SAVE_AS_TABLE)),
        command("write_insert_into", df -> df.write().mode("overwrite").tableCommand("db.people",
            io.sparkconnect.proto.WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_INSERT_INTO)),
        command("write_cluster_by", df -> df.write().mode("errorifexists").clusterBy("dept", "age")
            .tableCommand("db.clustered", io.sparkconnect.proto.WriteOperation.SaveTable.TableSaveMethod
                .TABLE_SAVE_METHOD_SAVE_AS_TABLE)),
        command("write_v2_create", df -> df.writeTo("db.people").using("parquet").option("compression", "zstd")
            .option("a", false).tableProperty("team", "hr").tableProperty("purpose", "golden")
            .partitionedBy(col("dept"), col("year")).clusterBy("age")
            .command(io.sparkconnect.proto.WriteOperationV2.Mode.MODE_CREATE, null)),
        command("write_v2_overwrite", df -> df.writeTo("db.people").command(
            io.sparkconnect.proto.WriteOperationV2.Mode.MODE_OVERWRITE, col("dept").equalTo("eng"))),
        command("write_v2_overwrite_partitions", df -> df.writeTo("db.people").command(
            io.sparkconnect.proto.WriteOperationV2.Mode.MODE_OVERWRITE_PARTITIONS, null)),
        command("merge_into", df -> df.alias("source").mergeInto("db.people",
                col("db.people.id").equalTo(col("source.id")))
            .whenMatched(col("source.deleted")).delete()
            .whenMatched().update(assignments)
            .whenNotMatched(col("source.salary").gt(0)).insert(assignments)
            .whenNotMatched().insertAll()
            .whenNotMatchedBySource(col("db.people.salary").lt(10)).updateAll()
            .whenNotMatchedBySource().delete()
            .withSchemaEvolution().command()),
        command("merge_into_update_all", df -> df.mergeInto("t", col("t.id").equalTo(col("id")))
            .whenMatched().updateAll().whenNotMatchedBySource().update(Map.of("flag", lit(true))).command()),
        command("checkpoint", df -> Checkpoints.command(df.plan(), false, true, null)),
        command("local_checkpoint", df -> Checkpoints.command(df.plan(), true, false, StorageLevel.DISK_ONLY)),
        command("release_checkpoint", df -> Checkpoints.releaseCommand("7b0f4c1e-relation")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void buildsTheGoldenCommand(String name, Function<DataFrame, io.sparkconnect.proto.Command> build)
      throws IOException {
    String actual = renumberPlanIds(TextFormat.printer().printToString(build.apply(people())));
    Path file = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), "no golden plan " + file + "; run with -Dgolden.update=true and review it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "command of " + name);
  }

  @Test
  void writersRefuseIncompleteOrInvalidCommandsBeforeAnyRequest() {
    DataFrame df = people();
    assertThrows(IllegalArgumentException.class, () -> df.write().bucketBy(0, "id"));
    assertThrows(NullPointerException.class, () -> df.write().option("k", (String) null));
    assertThrows(NullPointerException.class, () -> df.writeTo("t").tableProperty("k", null));
    SparkConnectException noAction = assertThrows(SparkConnectException.class,
        () -> df.mergeInto("t", col("t.id").equalTo(col("id"))).merge());
    assertTrue(noAction.getMessage().contains("NO_MERGE_ACTION_SPECIFIED"), noAction.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> df.mergeInto("t", col("t.id").equalTo(col("id"))).whenMatched().update(Map.of()));
    SparkConnectException jdbc = assertThrows(SparkConnectException.class,
        () -> df.write().partitionBy("dept").jdbc("jdbc:h2:mem:x", "t", new java.util.Properties()));
    assertTrue(jdbc.getMessage().contains("partitionBy"), jdbc.getMessage());
  }

  @Test
  void featuresA35ServerLacksFailWithTheTypedErrorBeforeAnyRequest() {
    try (SparkSession old = SparkSession.builder().remote("sc://127.0.0.1:1").build()) {
      old.operations().assumeServerVersion(io.sparkconnect.sql.internal.ServerVersion.parse("3.5.7"));
      DataFrame df = old.range(3);
      List<org.junit.jupiter.api.function.Executable> calls = List.of(
          () -> df.write().clusterBy("id"),
          () -> df.write().xml("/tmp/x"),
          () -> df.writeTo("t").clusterBy("id"),
          () -> df.mergeInto("t", col("id").equalTo(col("t.id"))),
          df::checkpoint,
          () -> df.checkpoint(false),
          df::localCheckpoint,
          () -> df.localCheckpoint(true, StorageLevel.MEMORY_ONLY));
      for (org.junit.jupiter.api.function.Executable call : calls) {
        UnsupportedServerVersionException error = assertThrows(UnsupportedServerVersionException.class, call);
        assertEquals("4.0", error.requiredVersion());
        assertEquals("3.5.7", error.serverVersion());
      }
      UnsupportedServerVersionException checkpoint = assertThrows(UnsupportedServerVersionException.class,
          df::checkpoint);
      assertEquals("checkpoint()", checkpoint.feature());
      assertTrue(checkpoint.getMessage().contains("cache()"), checkpoint.getMessage());
      assertEquals("localCheckpoint()",
          assertThrows(UnsupportedServerVersionException.class, df::localCheckpoint).feature());
      assertEquals("mergeInto()", assertThrows(UnsupportedServerVersionException.class,
          () -> df.mergeInto("t", col("id").equalTo(col("t.id")))).feature());
    }
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

  // ---- Catalog: each call's relation, pinned without a server (the runner captures it and stops the call)

  /** Thrown by the capturing runner once it has the relation, so the call ends before reading any rows. */
  private static final class CatalogCaptured extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient io.sparkconnect.proto.Relation relation;

    CatalogCaptured(io.sparkconnect.proto.Relation relation) {
      super("captured", null, false, false);
      this.relation = relation;
    }
  }

  private static Arguments catalogCall(String name, java.util.function.Consumer<Catalog> call) {
    return Arguments.of(name, call);
  }

  static Stream<Arguments> catalogCalls() {
    io.sparkconnect.sql.types.StructType schema = io.sparkconnect.sql.types.StructType.empty()
        .add("id", DataTypes.LongType, false).add("name", DataTypes.StringType);
    Map<String, String> options = new LinkedHashMap<>();
    options.put("mergeSchema", "true");
    options.put("compression", "snappy");
    return Stream.of(
        catalogCall("catalog_current_database", Catalog::currentDatabase),
        catalogCall("catalog_list_catalogs_pattern", catalog -> catalog.listCatalogs("spark*")),
        catalogCall("catalog_list_tables", catalog -> catalog.listTables("sales", "order*")),
        catalogCall("catalog_get_table", catalog -> catalog.getTable("sales", "orders")),
        catalogCall("catalog_list_columns", catalog -> catalog.listColumns("sales.orders")),
        catalogCall("catalog_function_exists", catalog -> catalog.functionExists("sales", "discount")),
        catalogCall("catalog_create_table", catalog -> catalog.createTable("sales.orders", "parquet", schema,
            "all orders", options)),
        catalogCall("catalog_create_table_path", catalog -> catalog.createTable("sales.raw", "/data/raw", "json")),
        catalogCall("catalog_create_external_table", catalog -> createExternalTable(catalog, schema, options)),
        catalogCall("catalog_cache_table_level", catalog -> catalog.cacheTable("sales.orders",
            StorageLevel.MEMORY_AND_DISK_SER)),
        catalogCall("catalog_drop_global_temp_view", catalog -> catalog.dropGlobalTempView("recent")),
        catalogCall("catalog_recover_partitions", catalog -> catalog.recoverPartitions("sales.orders")));
  }

  @SuppressWarnings("deprecation")
  private static void createExternalTable(Catalog catalog, io.sparkconnect.sql.types.StructType schema,
      Map<String, String> options) {
    catalog.createExternalTable("sales.legacy", "csv", schema, options);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogCalls")
  void catalogCallsBuildTheGoldenPlan(String name, java.util.function.Consumer<Catalog> call) throws IOException {
    Catalog catalog = new Catalog(spark, relation -> {
      throw new CatalogCaptured(relation);
    });
    CatalogCaptured captured = assertThrows(CatalogCaptured.class, () -> call.accept(catalog));
    String actual = renumberPlanIds(TextFormat.printer().printToString(captured.relation));
    Path file = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), "no golden plan " + file + "; run with -Dgolden.update=true and review it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "plan of " + name);
  }

  @Test
  void catalogRowsBecomeRecordsWhateverTheServerVersion() {
    io.sparkconnect.sql.types.StructType columns35 = io.sparkconnect.sql.types.StructType.empty()
        .add("name", DataTypes.StringType).add("description", DataTypes.StringType)
        .add("dataType", DataTypes.StringType).add("nullable", DataTypes.BooleanType)
        .add("isPartition", DataTypes.BooleanType).add("isBucket", DataTypes.BooleanType);
    io.sparkconnect.sql.types.StructType columns41 = columns35.add("isCluster", DataTypes.BooleanType);
    Catalog v35 = new Catalog(spark, relation -> List.of(new io.sparkconnect.sql.internal.GenericRow(columns35,
        new Object[] {"p", "the day", "date", false, true, false})));
    Catalog v41 = new Catalog(spark, relation -> List.of(new io.sparkconnect.sql.internal.GenericRow(columns41,
        new Object[] {"id", null, "bigint", true, false, true, true})));
    assertEquals(List.of(new io.sparkconnect.sql.catalog.Column("p", "the day", "date", false, true, false, false)),
        v35.listColumns("t"), "3.5 sends no isCluster: no column is a clustering column");
    assertEquals(List.of(new io.sparkconnect.sql.catalog.Column("id", null, "bigint", true, false, true, true)),
        v41.listColumns("t"));

    io.sparkconnect.sql.types.StructType functions = io.sparkconnect.sql.types.StructType.empty()
        .add("name", DataTypes.StringType).add("catalog", DataTypes.StringType)
        .add("namespace", new io.sparkconnect.sql.types.ArrayType(DataTypes.StringType, true))
        .add("description", DataTypes.StringType).add("className", DataTypes.StringType)
        .add("isTemporary", DataTypes.BooleanType);
    Catalog builtIn = new Catalog(spark, relation -> List.of(new io.sparkconnect.sql.internal.GenericRow(functions,
        new Object[] {"abs", null, null, "abs(expr)", "org.apache.spark.sql.catalyst.expressions.Abs", true})));
    io.sparkconnect.sql.catalog.Function abs = builtIn.getFunction("abs");
    assertEquals(new io.sparkconnect.sql.catalog.Function("abs", null, List.of(), "abs(expr)",
        "org.apache.spark.sql.catalyst.expressions.Abs", true), abs);
    assertEquals(null, abs.database(), "a null namespace reads as none");

    Catalog empty = new Catalog(spark, relation -> List.of());
    SparkConnectException noRow = assertThrows(SparkConnectException.class, () -> empty.tableExists("t"));
    assertTrue(noRow.getMessage().contains("tableExists with 0 rows"), noRow.getMessage());
  }

  @Test
  void catalogArgumentsAreCheckedBeforeAnyRequest() {
    Catalog catalog = new Catalog(spark, relation -> {
      throw new AssertionError("no request expected, got " + relation);
    });
    IllegalArgumentException nullName = assertThrows(IllegalArgumentException.class,
        () -> catalog.getTable(null));
    assertEquals("tableName must not be null", nullName.getMessage());
    IllegalArgumentException emptyDb = assertThrows(IllegalArgumentException.class,
        () -> catalog.listTables(" ", "x*"));
    assertEquals("dbName must not be empty", emptyDb.getMessage());
    assertThrows(IllegalArgumentException.class, () -> catalog.listTables("db", null));
    assertThrows(IllegalArgumentException.class, () -> catalog.listFunctions("db", null));
    assertThrows(IllegalArgumentException.class, () -> catalog.listCatalogs(null));
    assertThrows(IllegalArgumentException.class, () -> catalog.listDatabases(null));
    assertThrows(IllegalArgumentException.class, () -> catalog.setCurrentDatabase(""));
    assertThrows(IllegalArgumentException.class, () -> catalog.setCurrentCatalog(null));
    assertThrows(IllegalArgumentException.class, () -> catalog.functionExists("db", ""));
    assertThrows(IllegalArgumentException.class, () -> catalog.cacheTable("t", null));
    assertThrows(IllegalArgumentException.class, () -> catalog.createTable("t", "parquet",
        (io.sparkconnect.sql.types.StructType) null, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> catalog.createTable("t", "parquet", (Map<String, String>) null));
    Map<String, String> nullValue = new java.util.HashMap<>();
    nullValue.put("path", null);
    IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
        () -> catalog.createTable("t", "parquet", nullValue));
    assertTrue(option.getMessage().contains("path=null"), option.getMessage());
    assertThrows(IllegalArgumentException.class, () -> catalog.createTable("t", "parquet", (String) null, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> catalog.dropTempView(null));
    assertThrows(IllegalArgumentException.class, () -> catalog.refreshByPath(""));
  }

  // ---- streaming: reads, watermarks and the commands that start and drive queries

  private static final io.sparkconnect.proto.StreamingQueryInstanceId QUERY = io.sparkconnect.proto
      .StreamingQueryInstanceId.newBuilder().setId("8d2c1b0e-0000-4000-8000-000000000001")
      .setRunId("8d2c1b0e-0000-4000-8000-000000000002").build();

  static Stream<Arguments> streamingPlans() {
    return Stream.of(
        plan("stream_read_json", df -> spark.readStream().schema("ts TIMESTAMP, word STRING")
            .option("maxFilesPerTrigger", 2).json("/data/in")),
        plan("stream_read_schema_struct", df -> spark.readStream().format("csv").schema(
            io.sparkconnect.sql.types.StructType.empty().add("id", DataTypes.LongType)
                .add("name", DataTypes.StringType)).options(Map.of("header", true)).load("/data/csv")),
        plan("stream_read_rate", df -> spark.readStream().rate(5)),
        plan("stream_read_table", df -> spark.readStream().option("readChangeFeed", true).table("db.events")),
        plan("stream_watermark", df -> df.withWatermark("ts", "10 minutes")),
        plan("stream_dedup_within_watermark", df -> df.withWatermark("ts", "1 minute")
            .dropDuplicatesWithinWatermark("id", "name")),
        plan("stream_dedup_within_watermark_all", df -> df.dropDuplicatesWithinWatermark()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamingPlans")
  void buildsTheGoldenStreamingPlan(String name, Function<DataFrame, DataFrame> operation) throws IOException {
    buildsTheGoldenPlan(name, operation);
  }

  static Stream<Arguments> streamingCommands() {
    RemoteStreamingQuery query = new RemoteStreamingQuery(spark, QUERY, "q");
    return Stream.of(
        command("stream_start_path", df -> df.writeStream().format("parquet").outputMode("Append")
            .option("checkpointLocation", "/chk").option("CHECKPOINTLOCATION", "/chk2").option("n", 3L)
            .partitionBy("day").queryName("q").trigger(io.sparkconnect.sql.streaming.Trigger.processingTime(
                Duration.ofSeconds(30))).command("/data/out", null)),
        command("stream_start_table", df -> df.writeStream().outputMode(io.sparkconnect.sql.streaming.OutputMode
            .COMPLETE).trigger(io.sparkconnect.sql.streaming.Trigger.availableNow()).command(null, "db.out")),
        command("stream_start_memory_update", df -> df.writeStream().format("memory").queryName("m")
            .outputMode("update").trigger(io.sparkconnect.sql.streaming.Trigger.once()).command(null, null)),
        command("stream_start_continuous", df -> df.writeStream().format("console").trigger(
            io.sparkconnect.sql.streaming.Trigger.continuous("1 second")).command(null, null)),
        command("stream_query_status", df -> query.command(c -> c.setStatus(true))),
        command("stream_query_await", df -> query.command(c -> c.setAwaitTermination(
            io.sparkconnect.proto.StreamingQueryCommand.AwaitTerminationCommand.newBuilder().setTimeoutMs(10_000)))),
        command("stream_query_explain", df -> query.command(c -> c.setExplain(
            io.sparkconnect.proto.StreamingQueryCommand.ExplainCommand.newBuilder().setExtended(true)))),
        command("stream_manager_get", df -> RemoteStreamingQueryManager.command(c -> c.setGetQuery(QUERY.getId()))),
        command("stream_manager_await_any", df -> RemoteStreamingQueryManager.command(c -> c.setAwaitAnyTermination(
            io.sparkconnect.proto.StreamingQueryManagerCommand.AwaitAnyTerminationCommand.newBuilder()
                .setTimeoutMs(500)))),
        command("stream_listener_bus_add", df -> StreamingListenerBus.command(true)),
        command("stream_listener_bus_remove", df -> StreamingListenerBus.command(false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamingCommands")
  void buildsTheGoldenStreamingCommand(String name, Function<DataFrame, io.sparkconnect.proto.Command> build)
      throws IOException {
    buildsTheGoldenCommand(name, build);
  }

  @Test
  void streamingArgumentsAreCheckedBeforeAnyRequest() {
    DataStreamWriter writer = people().writeStream();
    IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> writer.outputMode("all"));
    assertEquals("Unknown output mode 'all'; use append, complete or update", mode.getMessage());
    assertEquals(io.sparkconnect.sql.streaming.OutputMode.COMPLETE,
        io.sparkconnect.sql.streaming.OutputMode.fromName(" Complete "));
    assertThrows(IllegalArgumentException.class, () -> io.sparkconnect.sql.streaming.Trigger.processingTime(" "));
    assertThrows(IllegalArgumentException.class,
        () -> io.sparkconnect.sql.streaming.Trigger.continuous(Duration.ofSeconds(-1)));
    assertEquals("processing_time(1500 milliseconds)",
        io.sparkconnect.sql.streaming.Trigger.processingTime(Duration.ofMillis(1500)).toString());
    assertThrows(NullPointerException.class, () -> writer.partitionBy("a", null));
    assertThrows(NullPointerException.class, () -> spark.readStream().load(null));
    assertThrows(NullPointerException.class, () -> people().withWatermark("ts", null));
  }
}
