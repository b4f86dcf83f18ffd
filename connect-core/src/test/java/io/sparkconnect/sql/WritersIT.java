package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.CachedRemoteRelation;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * DataFrameWriter, DataFrameWriterV2, mergeInto and checkpoints against real 3.5 and 4.1 servers: what is written
 * is read back and compared value by value; what a server refuses must fail with its typed error.
 */
class WritersIT {
  private static final List<List<Object>> BASE = List.of(
      Arrays.asList(1, "ann", 1.5), Arrays.asList(2, null, -2.25), Arrays.asList(3, "c,d", 0.0));
  private static final List<List<Object>> OTHER = List.of(Arrays.asList(9, "zed", 9.0));
  private static final String SCHEMA = "id INT, name STRING, score DOUBLE";

  private static SparkSession connect(SparkConnectServer server) {
    return SparkSession.builder().remote(server.connectionString()).build();
  }

  private static boolean is4x(SparkConnectServer server) {
    return !server.sparkVersion().startsWith("3.");
  }

  private static DataFrame base(SparkSession spark) {
    return spark.sql("SELECT * FROM VALUES (1, 'ann', 1.5D), (2, NULL, -2.25D), (3, 'c,d', 0.0D) AS t(" + "id, name, "
        + "score)");
  }

  private static DataFrame other(SparkSession spark) {
    return spark.sql("SELECT * FROM VALUES (9, 'zed', 9.0D) AS t(id, name, score)");
  }

  /** Rows as lists, sorted by their text so that file order does not matter. */
  private static List<List<Object>> sorted(DataFrame df) {
    return df.collect().stream().map(Row::toList).sorted(Comparator.comparing(Object::toString))
        .collect(Collectors.toList());
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList());
  }

  private static List<List<Object>> sorted(List<List<Object>> rows, List<List<Object>> more) {
    List<List<Object>> all = new ArrayList<>(rows);
    all.addAll(more);
    return sorted(all);
  }

  private static String table(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void drop(SparkSession spark, String... tables) {
    for (String table : tables) {
      spark.sql("DROP TABLE IF EXISTS " + table).collect();
    }
  }

  /**
   * The server's typed error: of {@code type}, naming {@code errorClass} in its message on both versions and as
   * {@link SparkConnectException#errorClass()} on 4.x (3.5 sends no error class), with {@code text} in the message.
   */
  private static <T extends SparkServerException> T assertServerError(SparkConnectServer server, Class<T> type,
      String errorClass, String text, Executable call) {
    T error = assertThrows(type, call);
    assertTrue(error.getMessage().contains(text), error.getMessage());
    if (is4x(server)) {
      assertEquals(errorClass, error.errorClass(), error.getMessage());
    }
    if (!errorClass.startsWith("_LEGACY")) {
      assertTrue(error.getMessage().contains("[" + errorClass + "]"), error.getMessage());
    }
    return error;
  }

  /** One writer per format: how to write a DataFrame of {@link #BASE}'s shape and how to read it back. */
  private static final class Format {
    final String name;
    final Function<DataFrame, DataFrame> shape;
    final Function<DataFrameReader, DataFrameReader> reader;
    final Function<List<List<Object>>, List<List<Object>>> expected;

    Format(String name, Function<DataFrame, DataFrame> shape, Function<DataFrameReader, DataFrameReader> reader,
        Function<List<List<Object>>, List<List<Object>>> expected) {
      this.name = name;
      this.shape = shape;
      this.reader = reader;
      this.expected = expected;
    }

    List<List<Object>> readBack(SparkSession spark, String path) {
      return sorted(reader.apply(spark.read().format(name)).load(path));
    }
  }

  private static List<Format> formats() {
    Function<List<List<Object>>, List<List<Object>>> same = rows -> rows;
    return List.of(
        new Format("parquet", df -> df, r -> r, same),
        new Format("orc", df -> df, r -> r, same),
        new Format("json", df -> df, r -> r.schema(SCHEMA), same),
        new Format("csv", df -> df, r -> r.schema(SCHEMA), same),
        // text holds one string column: the row as "id|name|score", with the null name written as "null"
        new Format("text", df -> df.selectExpr("concat_ws('|', id, coalesce(name, 'null'), score) AS value"),
            r -> r, rows -> rows.stream().map(row -> List.<Object>of(row.get(0) + "|" + row.get(1) + "|"
                + row.get(2))).collect(Collectors.toList())));
  }

  @SparkConnectTest
  void everyFileFormatHonoursEverySaveMode(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server)) {
      Path dir = Files.createTempDirectory("writers-it-modes");
      for (Format format : formats()) {
        String path = dir.resolve(format.name).toString();
        DataFrame base = format.shape.apply(base(spark));
        DataFrame other = format.shape.apply(other(spark));
        List<List<Object>> baseRows = format.expected.apply(BASE);
        List<List<Object>> otherRows = format.expected.apply(OTHER);

        base.write().format(format.name).save(path);
        assertEquals(sorted(baseRows), format.readBack(spark, path), format.name + " first write");

        assertServerError(server, AnalysisException.class, "PATH_ALREADY_EXISTS", "already exists",
            () -> base.write().format(format.name).save(path));
        assertServerError(server, AnalysisException.class, "PATH_ALREADY_EXISTS", "already exists",
            () -> base.write().mode("errorifexists").format(format.name).save(path));
        assertEquals(sorted(baseRows), format.readBack(spark, path), format.name + " unchanged by the error");

        base.write().mode(SaveMode.Append).format(format.name).save(path);
        assertEquals(sorted(baseRows, baseRows), format.readBack(spark, path), format.name + " append doubles");

        other.write().mode("overwrite").format(format.name).save(path);
        assertEquals(sorted(otherRows), format.readBack(spark, path), format.name + " overwrite replaces");

        base.write().mode(SaveMode.Ignore).format(format.name).save(path);
        assertEquals(sorted(otherRows), format.readBack(spark, path), format.name + " ignore keeps");

        base.write().mode("IGNORE").format(format.name).save(path);
        assertEquals(sorted(otherRows), format.readBack(spark, path), format.name + " mode names ignore case");
      }
      // the shortcuts name their format
      String parquet = dir.resolve("shortcut.parquet").toString();
      base(spark).write().parquet(parquet);
      assertEquals(sorted(BASE), sorted(spark.read().parquet(parquet)));
      String orc = dir.resolve("shortcut.orc").toString();
      base(spark).write().orc(orc);
      assertEquals(sorted(BASE), sorted(spark.read().orc(orc)));
      String json = dir.resolve("shortcut.json").toString();
      base(spark).write().json(json);
      assertEquals(sorted(BASE), sorted(spark.read().schema(SCHEMA).json(json)));
      String text = dir.resolve("shortcut.txt").toString();
      spark.sql("SELECT 'x' AS value").write().text(text);
      assertEquals(List.of(List.of("x")), sorted(spark.read().text(text)));
    }
  }

  @SparkConnectTest
  void optionsOfEveryTypeReachTheSource(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server)) {
      Path dir = Files.createTempDirectory("writers-it-options");
      String csv = dir.resolve("csv").toString();
      base(spark).coalesce(1).write().option("HEADER", false).option("header", true).option("sep", ";")
          .csv(csv);
      List<List<Object>> lines = sorted(spark.read().text(csv));
      assertEquals(List.of(List.of("1;ann;1.5"), List.of("2;;-2.25"), List.of("3;c,d;0.0"),
          List.of("id;name;score")), lines, "header (boolean, latest spelling wins) and sep (string) applied");

      String files = dir.resolve("files").toString();
      base(spark).coalesce(1).write().option("maxRecordsPerFile", 1L).parquet(files);
      try (Stream<Path> parts = Files.list(Path.of(files))) {
        assertEquals(3, parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).count(),
            "maxRecordsPerFile (long) 1 makes a file per row");
      }
      assertEquals(sorted(BASE), sorted(spark.read().parquet(files)));

      Map<String, Object> more = new LinkedHashMap<>();
      more.put("compression", "gzip");
      String json = dir.resolve("json").toString();
      base(spark).write().options(more).json(json);
      try (Stream<Path> parts = Files.list(Path.of(json))) {
        assertTrue(parts.anyMatch(p -> p.getFileName().toString().endsWith(".json.gz")), "options(Map) applied");
      }
      assertEquals(sorted(BASE), sorted(spark.read().schema(SCHEMA).json(json)));

      String xml = dir.resolve("xml").toString();
      if (is4x(server)) {
        base(spark).write().option("rowTag", "person").xml(xml);
        assertEquals(sorted(BASE), sorted(spark.read().format("xml").option("rowTag", "person").schema(SCHEMA)
            .load(xml)));
      } else {
        assertEquals("xml()", assertThrows(UnsupportedServerVersionException.class,
            () -> base(spark).write().xml(xml)).feature());
      }

      // jdbc() sends url, dbtable and the properties to the server, which has no driver for this URL
      java.util.Properties properties = new java.util.Properties();
      properties.setProperty("user", "nobody");
      SparkServerException jdbc = assertThrows(SparkServerException.class,
          () -> base(spark).write().jdbc("jdbc:writers-it-no-such-driver:x", "people", properties));
      assertTrue(jdbc.getMessage().contains("No suitable driver"), jdbc.getMessage());
    }
  }

  @SparkConnectTest
  void partitionByWritesOneDirectoryPerValue(SparkConnectServer server) throws IOException {
    try (SparkSession spark = connect(server)) {
      Path dir = Files.createTempDirectory("writers-it-partitions").resolve("by_dept");
      DataFrame people = spark.sql("SELECT * FROM VALUES (1, 'ann', 'eng'), (2, 'bob', 'eng'), (3, 'cid', 'ops') "
          + "AS t(id, name, dept)");
      people.write().partitionBy("dept").parquet(dir.toString());
      try (Stream<Path> entries = Files.list(dir)) {
        assertEquals(List.of("dept=eng", "dept=ops"), entries.filter(Files::isDirectory)
            .map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
      }
      DataFrame back = spark.read().parquet(dir.toString());
      assertEquals(List.of("id", "name", "dept"), Arrays.asList(back.columns()), "the partition column comes last");
      assertEquals(List.of(List.of(1, "ann", "eng"), List.of(2, "bob", "eng"), List.of(3, "cid", "ops")),
          sorted(back));
      assertEquals(List.of(List.of(3, "cid")), sorted(spark.read().parquet(dir.resolve("dept=ops").toString())));
    }
  }

  @SparkConnectTest
  void bucketedSortedTableThenInsertInto(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      String table = table("bucketed");
      try {
        base(spark).write().format("parquet").bucketBy(2, "id").sortBy("score").saveAsTable(table);
        assertEquals(sorted(BASE), sorted(spark.table(table)));
        Map<String, String> described = new LinkedHashMap<>();
        spark.sql("DESCRIBE FORMATTED " + table).collect()
            .forEach(row -> described.put(row.getString(0), row.getString(1)));
        assertEquals("2", described.get("Num Buckets"));
        assertEquals("[`id`]", described.get("Bucket Columns"));
        assertEquals("[`score`]", described.get("Sort Columns"));

        assertServerError(server, AnalysisException.class, "TABLE_OR_VIEW_ALREADY_EXISTS", table,
            () -> base(spark).write().format("parquet").saveAsTable(table));

        // insertInto matches by position: other names, same order
        other(spark).toDF("a", "b", "c").write().insertInto(table);
        assertEquals(sorted(BASE, OTHER), sorted(spark.table(table)));
        other(spark).write().mode("overwrite").insertInto(table);
        assertEquals(sorted(OTHER), sorted(spark.table(table)));
        assertServerError(server, AnalysisException.class, "_LEGACY_ERROR_TEMP_1164",
            "Specified bucketing does not match", () -> base(spark).write().mode("append").saveAsTable(table));
        base(spark).write().mode("append").bucketBy(2, "id").sortBy("score").saveAsTable(table);
        assertEquals(sorted(OTHER, BASE), sorted(spark.table(table)));
      } finally {
        drop(spark, table);
      }
    }
  }

  @SparkConnectTest
  void writerV2CreatesTablesWithPropertiesAndPartitions(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      String table = table("v2");
      try {
        DataFrame people = spark.sql("SELECT * FROM VALUES (1, 'ann', 'eng'), (2, 'bob', 'eng'), "
            + "(3, 'cid', 'ops') AS t(id, name, dept)");
        people.writeTo(table).using("parquet").tableProperty("team", "hr").tableProperty("tier", "gold")
            .partitionedBy(col("dept")).create();
        assertEquals(List.of(List.of(1, "ann", "eng"), List.of(2, "bob", "eng"), List.of(3, "cid", "ops")),
            sorted(spark.table(table)));

        Map<String, String> properties = new LinkedHashMap<>();
        spark.sql("SHOW TBLPROPERTIES " + table).collect()
            .forEach(row -> properties.put(row.getString(0), row.getString(1)));
        assertEquals("hr", properties.get("team"), properties.toString());
        assertEquals("gold", properties.get("tier"), properties.toString());

        List<String> described = spark.sql("DESCRIBE " + table).collect().stream().map(row -> row.getString(0))
            .collect(Collectors.toList());
        int partitions = described.indexOf("# Partition Information");
        assertTrue(partitions > 0, described.toString());
        assertEquals(List.of("# col_name", "dept"), described.subList(partitions + 1, described.size()));

        assertServerError(server, AnalysisException.class, "TABLE_OR_VIEW_ALREADY_EXISTS", "already exists",
            () -> people.writeTo(table).using("parquet").create());

        // The session catalog's file tables are V1 tables: V2 writes into them and V2 replaces are refused.
        for (Executable refused : List.<Executable>of(() -> people.writeTo(table).append(),
            () -> people.writeTo(table).overwrite(col("dept").equalTo("eng")),
            () -> people.writeTo(table).overwritePartitions())) {
          assertServerError(server, AnalysisException.class, "_LEGACY_ERROR_TEMP_1012",
              "Cannot write into v1 table", refused);
        }
        for (Executable refused : List.<Executable>of(() -> people.writeTo(table).using("parquet").replace(),
            () -> people.writeTo(table).using("parquet").createOrReplace())) {
          assertServerError(server, AnalysisException.class, "UNSUPPORTED_FEATURE.TABLE_OPERATION",
              "does not support REPLACE TABLE AS SELECT", refused);
        }
        assertEquals(3, spark.table(table).count(), "refused writes leave the table alone");

        // What works on such a table: the V1 writer's overwrite of the partitions written, in dynamic mode.
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        spark.sql("SELECT 7 AS id, 'gus' AS name, 'eng' AS dept").write().mode("overwrite").insertInto(table);
        assertEquals(List.of(List.of(3, "cid", "ops"), List.of(7, "gus", "eng")), sorted(spark.table(table)),
            "only the eng partition is replaced");
      } finally {
        drop(spark, table);
      }
    }
  }

  @SparkConnectTest
  void clusterByNeedsA4xServer(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      String v1 = table("clustered_v1");
      String v2 = table("clustered_v2");
      if (!is4x(server)) {
        UnsupportedServerVersionException error = assertThrows(UnsupportedServerVersionException.class,
            () -> base(spark).write().clusterBy("id"));
        assertEquals("clusterBy()", error.feature());
        assertEquals(server.sparkVersion(), error.serverVersion());
        assertThrows(UnsupportedServerVersionException.class, () -> base(spark).writeTo(v2).clusterBy("id"));
        return;
      }
      try {
        base(spark).write().format("parquet").clusterBy("id", "name").saveAsTable(v1);
        assertEquals(sorted(BASE), sorted(spark.table(v1)));
        assertEquals(List.of("id", "name"), clusteringColumns(spark, v1));
        base(spark).writeTo(v2).using("parquet").clusterBy("score").create();
        assertEquals(sorted(BASE), sorted(spark.table(v2)));
        assertEquals(List.of("score"), clusteringColumns(spark, v2));
      } finally {
        drop(spark, v1, v2);
      }
    }
  }

  /** The columns under DESCRIBE's "# Clustering Information". */
  private static List<String> clusteringColumns(SparkSession spark, String table) {
    List<String> described = spark.sql("DESCRIBE " + table).collect().stream().map(row -> row.getString(0))
        .collect(Collectors.toList());
    int start = described.indexOf("# Clustering Information");
    assertTrue(start > 0, described.toString());
    List<String> columns = new ArrayList<>();
    for (String name : described.subList(start + 2, described.size())) {
      if (name.isEmpty() || name.startsWith("#")) {
        break;
      }
      columns.add(name);
    }
    return columns;
  }

  @SparkConnectTest
  void mergeIntoNeedsACatalogWithRowLevelOperations(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      String table = table("merge");
      Function<DataFrame, MergeIntoWriter> merge = source -> source.alias("s")
          .mergeInto(table, col(table + ".id").equalTo(col("s.id")))
          .whenMatched().updateAll()
          .whenNotMatched().insertAll()
          .whenNotMatchedBySource().delete();
      if (!is4x(server)) {
        UnsupportedServerVersionException error = assertThrows(UnsupportedServerVersionException.class,
            () -> merge.apply(other(spark)));
        assertEquals("mergeInto()", error.feature());
        assertEquals("4.0", error.requiredVersion());
        assertTrue(error.getMessage().contains("MERGE INTO"), error.getMessage());
        return;
      }
      try {
        base(spark).writeTo(table).using("parquet").create();
        MergeIntoWriter writer = merge.apply(other(spark));
        assertServerError(server, SparkRuntimeException.class, "UNSUPPORTED_FEATURE.TABLE_OPERATION",
            "does not support MERGE INTO TABLE", writer::merge);
        assertEquals(sorted(BASE), sorted(spark.table(table)), "the refused merge changed nothing");
      } finally {
        drop(spark, table);
      }
    }
  }

  @SparkConnectTest
  void localCheckpointsKeepTheRowsWithoutTheLineage(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame evens = spark.range(10).filter("id % 2 = 0").selectExpr("id", "id * 10 AS tens");
      List<List<Object>> expected = List.of(List.of(0L, 0L), List.of(2L, 20L), List.of(4L, 40L), List.of(6L, 60L),
          List.of(8L, 80L));
      if (!is4x(server)) {
        for (Executable call : List.<Executable>of(evens::checkpoint, () -> evens.checkpoint(false),
            evens::localCheckpoint, () -> evens.localCheckpoint(false),
            () -> evens.localCheckpoint(true, StorageLevel.DISK_ONLY))) {
          UnsupportedServerVersionException error = assertThrows(UnsupportedServerVersionException.class, call);
          assertEquals(server.sparkVersion(), error.serverVersion());
          assertTrue(error.getMessage().contains("cache()"), error.getMessage());
        }
        return;
      }
      assertTrue(evens.explainString("extended").contains("Range"));
      for (DataFrame checkpointed : List.of(evens.localCheckpoint(), evens.localCheckpoint(false),
          evens.localCheckpoint(true, StorageLevel.DISK_ONLY))) {
        assertEquals(Relation.RelTypeCase.CACHED_REMOTE_RELATION, checkpointed.plan().getRelTypeCase());
        String plan = checkpointed.explainString("extended");
        assertTrue(plan.contains("LogicalRDD"), plan);
        assertFalse(plan.contains("Range") || plan.contains("Filter"), "no lineage of the original: " + plan);
        assertEquals(expected, sorted(checkpointed));
        assertEquals(List.of(List.of(8L)), sorted(checkpointed.filter("tens > 70").select("id")),
            "plans built on a checkpoint run");
      }
      assertNotEquals(evens.localCheckpoint().plan().getCachedRemoteRelation().getRelationId(),
          evens.localCheckpoint().plan().getCachedRemoteRelation().getRelationId());

      // The shared server has no checkpoint directory, so a reliable checkpoint fails with Spark's error.
      assertServerError(server, SparkRuntimeException.class, "_LEGACY_ERROR_TEMP_3016",
          "Checkpoint directory has not been set", evens::checkpoint);
    }
  }

  @SparkConnectTest
  void reliableCheckpointsWriteToTheCheckpointDirectory(SparkConnectServer server) throws IOException {
    if (!is4x(server)) {
      try (SparkSession spark = connect(server)) {
        assertEquals("checkpoint()", assertThrows(UnsupportedServerVersionException.class,
            () -> spark.range(3).checkpoint()).feature());
      }
      return;
    }
    Path checkpoints = Files.createTempDirectory("writers-it-checkpoints");
    try (SparkConnectServer withDirectory = SparkConnectServer.builder().sparkVersion(server.sparkVersion())
            .conf("spark.checkpoint.dir", checkpoints.toString()).start();
        SparkSession spark = connect(withDirectory)) {
      DataFrame evens = spark.range(10).filter("id % 2 = 0");
      DataFrame eager = evens.checkpoint();
      assertEquals(Relation.RelTypeCase.CACHED_REMOTE_RELATION, eager.plan().getRelTypeCase());
      assertEquals(List.of(List.of(0L), List.of(2L), List.of(4L), List.of(6L), List.of(8L)), sorted(eager));
      String plan = eager.explainString("extended");
      assertTrue(plan.contains("LogicalRDD") && !plan.contains("Range"), plan);
      try (Stream<Path> files = Files.walk(checkpoints)) {
        assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("part-")),
            "the rows were written under spark.checkpoint.dir");
      }
      DataFrame lazy = evens.checkpoint(false);
      assertEquals(5, lazy.count());
    }
  }

  @SparkConnectTest
  void aCheckpointIsReleasedOnceNoPlanRefersToIt(SparkConnectServer server) throws InterruptedException {
    try (SparkSession spark = connect(server)) {
      if (!is4x(server)) {
        assertThrows(UnsupportedServerVersionException.class, () -> spark.range(5).localCheckpoint());
        return;
      }
      DataFrame checkpointed = spark.range(5).localCheckpoint();
      String id = checkpointed.plan().getCachedRemoteRelation().getRelationId();
      DataFrame derived = checkpointed.filter("id > 1");
      DataFrame byId = new DataFrame(spark, spark.withPlanId(Relation.newBuilder()
          .setCachedRemoteRelation(CachedRemoteRelation.newBuilder().setRelationId(id))));
      checkpointed = null;
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
      assertEquals(3, derived.count(), "a derived plan keeps the checkpoint alive");
      assertEquals(5, byId.count());
      assertEquals(3, derived.count());
      derived = null;

      SparkServerException released = null;
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (released == null && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(200);
        try {
          byId.count();
        } catch (SparkServerException e) {
          released = e;
        }
      }
      assertTrue(released != null, "the server still has checkpoint " + id + " a minute after it became "
          + "unreachable");
      assertTrue(released.getMessage().contains("No DataFrame with id " + id), released.getMessage());
      assertEquals(3, spark.range(3).count(), "the session stays usable");
    }
  }
}
