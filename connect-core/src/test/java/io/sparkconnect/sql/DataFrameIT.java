package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.avg;
import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.expr;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.max;
import static io.sparkconnect.sql.functions.sum;
import static io.sparkconnect.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** DataFrame transformations and actions against real 3.5 and 4.1 servers; expected values computed in Java. */
class DataFrameIT {

  private static SparkSession connect(SparkConnectServer server) {
    return SparkSession.builder().remote(server.connectionString()).build();
  }

  private static List<List<Object>> values(DataFrame df) {
    return df.collect().stream().map(Row::toList).collect(Collectors.toList());
  }

  private static DataFrame people(SparkSession spark) {
    return spark.sql("SELECT * FROM VALUES (1, 'ann', 'eng', 100), (2, 'bob', 'eng', 80), "
        + "(3, 'cid', 'ops', 70), (4, 'dee', 'ops', NULL), (5, 'eve', 'hr', 90) AS t(id, name, dept, salary)");
  }

  @SparkConnectTest
  void rangeSelectFilterAndWithColumn(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = spark.range(0, 20, 3)
          .withColumn("sq", col("id").multiply(col("id")))
          .filter(col("id").gt(5))
          .where("sq < 300")
          .select(col("id"), col("sq"), col("id").plus(1).alias("next"));
      List<List<Object>> expected = new ArrayList<>();
      for (long i = 0; i < 20; i += 3) {
        if (i > 5 && i * i < 300) {
          expected.add(List.of(i, i * i, i + 1));
        }
      }
      assertEquals(expected, values(df));
      assertEquals(List.of("id", "sq", "next"), Arrays.asList(df.columns()));
    }
  }

  @SparkConnectTest
  void selectExprRenameDropAndToDf(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = people(spark).selectExpr("id", "upper(name) AS name", "salary * 2 AS double_salary")
          .withColumnRenamed("name", "who").drop("double_salary").toDF("a", "b").orderBy("a").limit(2);
      assertEquals(List.of(List.of(1, "ANN"), List.of(2, "BOB")), values(df));
      assertEquals(List.of(List.of(3, "cid")), values(people(spark).withColumnsRenamed(Map.of("name", "n"))
          .filter(col("n").equalTo("cid")).select("id", "n")));
    }
  }

  @SparkConnectTest
  void groupByAggAndPivot(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame grouped = people(spark).groupBy("dept")
          .agg(count(lit(1)).alias("n"), sum("salary").alias("total"), max(col("salary")).alias("top"))
          .orderBy("dept");
      assertEquals(List.of(List.of("eng", 2L, 180L, 100), List.of("hr", 1L, 90L, 90), List.of("ops", 2L, 70L, 70)),
          values(grouped));
      DataFrame pivoted = people(spark).groupBy("dept").pivot("name", List.of("ann", "cid"))
          .agg(sum("salary")).orderBy("dept");
      List<Row> rows = pivoted.collect();
      assertEquals(List.of("dept", "ann", "cid"), rows.get(0).schema().fieldNames());
      assertEquals(100L, rows.get(0).get("ann"));
      assertEquals(70L, rows.get(2).get("cid"));
      assertEquals(5, people(spark).agg(count(col("id"))).first().getLong(0));
      assertEquals(85.0, people(spark).agg(avg("salary")).first().getDouble(0));
    }
  }

  @SparkConnectTest
  void rollupAndCubeProduceSubtotals(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rollup = people(spark).rollup("dept").agg(sum("salary").alias("s")).orderBy(col("dept").asc())
          .collect();
      assertEquals(4, rollup.size());
      assertEquals(null, rollup.get(0).get("dept"));
      assertEquals(340L, rollup.get(0).getLong(1));
      assertEquals(4 + 1, people(spark).cube("dept").count().count() + 1);
    }
  }

  @SparkConnectTest
  void joinsOfEveryKind(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame left = spark.sql("SELECT * FROM VALUES (1, 'a'), (2, 'b'), (3, 'c') AS l(k, lv)");
      DataFrame right = spark.sql("SELECT * FROM VALUES (2, 'x'), (3, 'y'), (4, 'z') AS r(k, rv)");
      assertEquals(List.of(List.of(2, "b", "x"), List.of(3, "c", "y")),
          values(left.join(right, "k").orderBy("k")));
      assertEquals(3, left.join(right, List.of("k"), "left").count());
      assertEquals(4, left.join(right, List.of("k"), "full_outer").count());
      assertEquals(3, left.join(right, List.of("k"), "right").count());
      assertEquals(List.of(List.of(1, "a")), values(left.join(right, List.of("k"), "left_anti")));
      assertEquals(2, left.join(right, List.of("k"), "semi").count());
      assertEquals(9, left.crossJoin(right).count());
      DataFrame conditioned = left.join(right, left.col("k").equalTo(right.col("k")), "inner")
          .select(left.col("k"), right.col("rv")).orderBy(left.col("k"));
      assertEquals(List.of(List.of(2, "x"), List.of(3, "y")), values(conditioned));
      DataFrame self = left.alias("a").join(left.alias("b"), col("a.k").lt(col("b.k")))
          .select(col("a.k"), col("b.k"));
      assertEquals(3, self.count());
      assertThrows(IllegalArgumentException.class, () -> left.join(right, List.of("k"), "sideways"));
    }
  }

  @SparkConnectTest
  void setOperationsAndDuplicates(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame a = spark.sql("SELECT * FROM VALUES (1), (2), (2), (3) AS t(x)");
      DataFrame b = spark.sql("SELECT * FROM VALUES (2), (3), (4) AS t(x)");
      assertEquals(7, a.union(b).count());
      assertEquals(4, a.union(b).distinct().count());
      assertEquals(List.of(List.of(2), List.of(3)), values(a.intersect(b).orderBy("x")));
      assertEquals(List.of(List.of(1)), values(a.except(b)));
      assertEquals(List.of(List.of(1), List.of(2)), values(a.exceptAll(b).orderBy("x")));
      assertEquals(2, a.intersectAll(b).count());
      assertEquals(3, a.dropDuplicates().count());
      assertEquals(3, a.dropDuplicates("x").count());
      DataFrame c = spark.sql("SELECT 'q' AS y, 9 AS x");
      assertEquals(List.of(List.of(9, "q")), values(spark.sql("SELECT 9 AS x, 'q' AS y").unionByName(c)
          .limit(1)));
      List<Row> missing = spark.sql("SELECT 1 AS x").unionByName(spark.sql("SELECT 'z' AS y"), true).collect();
      assertEquals(2, missing.size());
      assertTrue(missing.stream().anyMatch(r -> r.isNullAt(0)));
    }
  }

  @SparkConnectTest
  void orderingOffsetTailAndNulls(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = people(spark);
      assertEquals(List.of(1, 5, 2, 3, 4), df.orderBy(col("salary").desc_nulls_last(), col("id").asc()).collect()
          .stream().map(r -> r.getInt(0)).collect(Collectors.toList()));
      assertEquals(List.of(4, 3, 2, 5, 1), df.orderBy(col("salary").asc_nulls_first()).collect().stream()
          .map(r -> r.getInt(0)).collect(Collectors.toList()));
      assertEquals(List.of(3, 4), df.orderBy("id").offset(2).limit(2).collect().stream().map(r -> r.getInt(0))
          .collect(Collectors.toList()));
      assertEquals(List.of(4, 5), df.orderBy("id").tail(2).stream().map(r -> r.getInt(0))
          .collect(Collectors.toList()));
      assertEquals(1, df.orderBy("id").first().getInt(0));
      assertEquals(3, df.head(3).size());
    }
  }

  @SparkConnectTest
  void conditionalsAndColumnOperators(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = people(spark).select(col("id"),
          when(col("salary").geq(90), "high").when(col("salary").isNull(), "unknown").otherwise("normal")
              .alias("band"),
          col("name").isin("ann", "eve").alias("vip"),
          col("salary").between(75, 95).alias("mid"),
          col("name").like("%e%").alias("has_e"),
          col("name").substr(1, 2).alias("prefix"),
          col("salary").cast("string").alias("s"),
          col("id").mod(2).equalTo(0).alias("even"),
          col("id").notEqual(3).and(col("id").lt(5)).alias("mix")).orderBy("id");
      List<Row> rows = df.collect();
      assertEquals(List.of("high", "normal", "normal", "unknown", "high"),
          rows.stream().map(r -> r.getString("band")).collect(Collectors.toList()));
      assertEquals(List.of(true, false, false, false, true),
          rows.stream().map(r -> r.getBoolean(2)).collect(Collectors.toList()));
      assertEquals(true, rows.get(1).get("mid"));
      assertTrue(rows.get(3).isNullAt(3));
      assertEquals(List.of(false, false, false, true, true),
          rows.stream().map(r -> r.getBoolean(4)).collect(Collectors.toList()));
      assertEquals("an", rows.get(0).getString("prefix"));
      assertEquals("100", rows.get(0).getString("s"));
      assertTrue(rows.get(1).getBoolean(7));
      assertFalse(rows.get(2).getBoolean(8));
    }
  }

  @SparkConnectTest
  void windowFunctions(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      WindowSpec byDept = Window.partitionBy("dept").orderBy(col("salary").desc());
      DataFrame df = people(spark).filter(col("salary").isNotNull()).select(col("name"),
          functions.rank().over(byDept).alias("rank"),
          functions.row_number().over(byDept).alias("rn"),
          functions.lag(col("salary"), 1).over(byDept).alias("prev"),
          sum("salary").over(Window.partitionBy("dept").orderBy("id")
              .rowsBetween(Window.unboundedPreceding, Window.currentRow)).alias("running"),
          sum("salary").over().alias("total")).orderBy("name");
      List<Row> rows = df.collect();
      assertEquals("ann", rows.get(0).getString(0));
      assertEquals(1, rows.get(0).getInt(1));
      assertEquals(2, rows.get(1).getInt("rank"));
      assertEquals(100, rows.get(1).getInt("prev"));
      assertTrue(rows.get(0).isNullAt(3));
      assertEquals(180L, rows.get(1).getLong(4));
      assertEquals(340L, rows.get(3).getLong(5));
    }
  }

  @SparkConnectTest
  void functionsFamilies(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      Row row = spark.range(1).select(
          functions.concat_ws("-", lit("a"), lit("b")).alias("cw"),
          functions.upper(lit("x")),
          functions.length(lit("four")),
          functions.regexp_replace(lit("a1b2"), "[0-9]", "#"),
          functions.round(lit(2.567), 2),
          functions.abs(lit(-3)),
          functions.sqrt(lit(16.0)),
          functions.date_add(functions.to_date(lit("2024-02-28")), 2),
          functions.year(functions.to_date(lit("2024-02-28"))),
          functions.size(functions.array(lit(1), lit(2), lit(3))),
          functions.array_contains(functions.array(lit(1), lit(2)), 2),
          functions.element_at(functions.map(lit("k"), lit("v")), "k"),
          functions.coalesce(lit(null), lit(7)),
          functions.greatest(lit(1), lit(9), lit(4)),
          functions.call_function("reverse", lit("abc")),
          expr("1 + 1").alias("two")).first();
      assertEquals("a-b", row.getString(0));
      assertEquals("X", row.getString(1));
      assertEquals(4, row.getInt(2));
      assertEquals("a#b#", row.getString(3));
      assertEquals(0, new java.math.BigDecimal("2.57").compareTo(new java.math.BigDecimal(row.get(4).toString())));
      assertEquals(3, row.getInt(5));
      assertEquals(4.0, row.getDouble(6));
      assertEquals(java.time.LocalDate.of(2024, 3, 1), row.getDate(7));
      assertEquals(2024, row.getInt(8));
      assertEquals(3, row.getInt(9));
      assertTrue(row.getBoolean(10));
      assertEquals("v", row.getString(11));
      assertEquals(7, row.getInt(12));
      assertEquals(9, row.getInt(13));
      assertEquals("cba", row.getString(14));
      assertEquals(2, row.getInt("two"));
    }
  }

  @SparkConnectTest
  void sqlParameters(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      assertEquals(List.of(List.of(3L, "x")), values(spark.sql(
          "SELECT id, :tag AS tag FROM range(10) WHERE id = :wanted", Map.of("wanted", 3, "tag", "x"))));
      assertEquals(List.of(List.of(2L)), values(spark.sql("SELECT id FROM range(5) WHERE id > ? AND id < ?", 1, 3)));
    }
  }

  @SparkConnectTest
  void naAndStatFunctions(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = people(spark);
      assertEquals(4, df.na().drop().count());
      assertEquals(0L, df.na().fill(0, "salary").filter(col("salary").isNull()).count());
      assertEquals(List.of(List.of(4, 0)), values(df.na().fill(Map.of("salary", 0)).filter(col("id").equalTo(4))
          .select("id", "salary")));
      assertEquals(List.of(List.of("ANN")), values(df.na().replace("name", Map.of("ann", "ANN"))
          .filter(col("id").equalTo(1)).select("name")));
      DataFrame xy = spark.sql("SELECT id AS x, id * 2 + 1 AS y FROM range(10)");
      assertEquals(1.0, xy.stat().corr("x", "y"), 1e-9);
      assertEquals(18.333333333333332, xy.stat().cov("x", "y"), 1e-9);
      double[] quantiles = xy.stat().approxQuantile("x", new double[] {0.0, 0.5, 1.0}, 0.0);
      assertEquals(0.0, quantiles[0]);
      assertEquals(9.0, quantiles[2]);
      assertEquals(3, df.stat().crosstab("dept", "name").count());
      assertEquals(1, df.stat().freqItems("dept").count());
      List<Row> described = df.describe("salary").collect();
      assertEquals("count", described.get(0).getString(0));
      assertEquals("4", described.get(0).getString(1));
      assertTrue(df.summary("min", "max").count() == 2);
    }
  }

  @SparkConnectTest
  void sampleAndRandomSplitCoverEveryRowOnce(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = spark.range(1000);
      long sampled = df.sample(0.5, 42).count();
      assertTrue(sampled > 350 && sampled < 650, "sampled " + sampled);
      List<DataFrame> parts = df.randomSplit(new double[] {0.7, 0.3}, 7);
      long first = parts.get(0).count();
      long second = parts.get(1).count();
      assertEquals(1000, first + second);
      assertEquals(0, parts.get(0).intersect(parts.get(1)).count());
    }
  }

  @SparkConnectTest
  void repartitionCoalesceHintAndUnpivot(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = spark.range(100);
      assertEquals(100, df.repartition(4).count());
      assertEquals(100, df.repartition(3, col("id")).coalesce(1).count());
      assertEquals(100, df.repartitionByRange(2, col("id")).count());
      assertEquals(100, df.hint("broadcast").count());
      DataFrame wide = spark.sql("SELECT 1 AS id, 10 AS a, 20 AS b");
      assertEquals(List.of(List.of(1, "a", 10), List.of(1, "b", 20)),
          values(wide.unpivot(new Column[] {col("id")}, new Column[] {col("a"), col("b")}, "key", "value")
              .orderBy("key")));
    }
  }

  @SparkConnectTest
  void viewsTablesAndFiles(SparkConnectServer server, @io.sparkconnect.testkit.junit.ConnectionString String remote)
      throws Exception {
    try (SparkSession spark = connect(server)) {
      people(spark).createOrReplaceTempView("people_view");
      assertEquals(5, spark.table("people_view").count());
      people(spark).createOrReplaceGlobalTempView("people_global");
      assertEquals(5, spark.sql("SELECT * FROM global_temp.people_global").count());
      Path dir = Files.createTempDirectory("dataframe-it");
      String parquet = dir.resolve("people.parquet").toString();
      people(spark).write().mode("overwrite").parquet(parquet);
      DataFrame back = spark.read().parquet(parquet);
      assertEquals(5, back.count());
      assertEquals(340L, back.agg(sum("salary")).first().getLong(0));
      String csv = dir.resolve("people.csv").toString();
      people(spark).write().option("header", true).csv(csv);
      assertEquals(5, spark.read().option("header", "true").csv(csv).count());
      assertThrows(AnalysisException.class, () -> people(spark).write().option("header", true).csv(csv));
      String table = "people_table_" + server.sparkVersion().replace('.', '_');
      people(spark).write().mode("overwrite").saveAsTable(table);
      assertEquals(5, spark.table(table).count());
      people(spark).limit(1).write().insertInto(table);
      assertEquals(6, spark.table(table).count());
      String json = dir.resolve("people.json").toString();
      people(spark).write().json(json);
      assertEquals(List.of("dept", "id", "name", "salary"),
          spark.read().json(json).schema().fieldNames());
      assertEquals(5, spark.read().schema("id INT, name STRING, dept STRING, salary INT").json(json).count());
    }
  }

  @SparkConnectTest
  void analysisCallsAnswerWithoutRunning(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = spark.range(10).filter(col("id").gt(3));
      assertTrue(df.explainString("simple").contains("Range"));
      assertTrue(df.explainString("extended").contains("Parsed Logical Plan"));
      assertTrue(df.explainString("formatted").length() > 0);
      assertThrows(IllegalArgumentException.class, () -> df.explainString("verbose"));
      assertTrue(df.treeString().contains("id: long"));
      assertFalse(df.isStreaming());
      assertTrue(df.sameSemantics(spark.range(10).filter(col("id").gt(3))));
      assertEquals(df.semanticHash(), spark.range(10).filter(col("id").gt(3)).semanticHash());
      assertEquals(List.of(Map.entry("id", "bigint")), df.dtypes());
      assertEquals(0, df.inputFiles().length);
    }
  }

  @SparkConnectTest
  void cacheAndStorageLevel(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = spark.range(50);
      df.persist(StorageLevel.MEMORY_ONLY);
      assertEquals(StorageLevel.MEMORY_ONLY, df.storageLevel());
      assertEquals(50, df.count());
      df.unpersist(true);
      assertEquals(StorageLevel.NONE, df.storageLevel());
    }
  }

  @SparkConnectTest
  void toLocalIteratorStreamsEveryRow(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      long expected = 0;
      long seen = 0;
      long sum = 0;
      try (CloseableIterator<Row> rows = spark.range(300_000).toLocalIterator()) {
        while (rows.hasNext()) {
          Row row = rows.next();
          assertEquals(expected++, row.getLong(0));
          sum += row.getLong(0);
          seen++;
        }
        assertFalse(rows.hasNext());
      }
      assertEquals(300_000, seen);
      assertEquals(299_999L * 300_000L / 2, sum);
      try (CloseableIterator<Row> rows = spark.range(1_000_000).toLocalIterator()) {
        assertEquals(0, rows.next().getLong(0));
      }
      assertEquals(3, spark.range(3).count(), "the session works after closing an iterator early");
    }
  }

  @SparkConnectTest
  void arrowBatchesForZeroCopyConsumers(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      long[] sum = new long[1];
      long rows = spark.range(25_000).forEachArrowBatch(root -> {
        org.apache.arrow.vector.BigIntVector ids = (org.apache.arrow.vector.BigIntVector) root.getVector("id");
        for (int i = 0; i < root.getRowCount(); i++) {
          sum[0] += ids.get(i);
        }
      });
      assertEquals(25_000, rows);
      assertEquals(24_999L * 25_000L / 2, sum[0]);
    }
  }

  @SparkConnectTest
  void tagsAndInterrupts(SparkConnectServer server) throws Exception {
    try (SparkSession spark = connect(server)) {
      spark.addTag("slow-one");
      assertEquals(java.util.Set.of("slow-one"), spark.getTags());
      assertThrows(IllegalArgumentException.class, () -> spark.addTag("a,b"));
      java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
      java.util.concurrent.Future<Throwable> failure = executor.submit(
          () -> {
            try {
              spark.sql("SELECT sum(id) FROM range(0, 100000000000, 1, 2)").collect();
              return null;
            } catch (Throwable t) {
              return t;
            }
          });
      executor.shutdown();
      List<String> interrupted = List.of();
      for (int i = 0; i < 100 && interrupted.isEmpty(); i++) {
        Thread.sleep(200);
        interrupted = spark.interruptTag("slow-one");
      }
      assertEquals(1, interrupted.size(), "one running operation should be interrupted");
      Throwable error = failure.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(error instanceof SparkConnectException, String.valueOf(error));
      spark.clearTags();
      assertTrue(spark.getTags().isEmpty());
      assertEquals(List.of(), spark.interruptAll());
    }
  }

  @SparkConnectTest
  void observedMetricsArriveWithTheAction(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      Observation observation = new Observation("stats");
      DataFrame observed = spark.range(100).observe(observation, count(lit(1)).alias("rows"),
          max(col("id")).alias("top"), sum("id").alias("total"));
      assertThrows(SparkConnectException.class, () -> observation.get(java.time.Duration.ofMillis(100)),
          "no action has run yet");
      assertEquals(100, observed.collect().size());
      assertEquals(Map.of("rows", 100L, "top", 99L, "total", 4950L), observation.get());
      spark.range(10).observe("named", functions.min(col("id")).alias("low")).count();
      assertEquals(Map.of("low", 0L), spark.observedMetrics("named"));
    }
  }
}
