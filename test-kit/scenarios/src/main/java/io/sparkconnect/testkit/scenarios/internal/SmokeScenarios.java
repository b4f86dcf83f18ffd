package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.countDistinct;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.max;
import static io.sparkconnect.sql.functions.min;
import static io.sparkconnect.sql.functions.sum;

import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.ParseException;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SessionException;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.streaming.StreamingQuery;
import io.sparkconnect.sql.streaming.StreamingQueryProgress;
import io.sparkconnect.sql.streaming.Trigger;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The thirteen smoke scenarios: a deployment accepts connections, runs SQL, DataFrames and a streaming query, and
 * reports errors.
 */
public final class SmokeScenarios {
  private SmokeScenarios() {}

  public static List<Scenario> all() {
    return List.of(
        smoke("connect", "Opens a session on a new connection and asks the server for its Spark version, which "
            + "must be a release number such as 4.1.2.", SmokeScenarios::connect),
        smoke("server-version", "Runs SELECT version() and checks it names the same release the session reports.",
            SmokeScenarios::serverVersion),
        smoke("release-and-reconnect", "Closes a session (releasing it on the server), checks it refuses further "
            + "work, then reconnects with a new session that runs queries.", SmokeScenarios::releaseAndReconnect),
        smoke("basic-sql", "Runs SQL with arithmetic, strings, NULL and CASE and checks every value exactly.",
            SmokeScenarios::basicSql),
        smoke("range-count", "Counts and sums a million-row range on the server and checks both against "
            + "closed-form arithmetic.", SmokeScenarios::rangeCount),
        smoke("dataframe-ops", "Chains filter, withColumn, select, orderBy and limit on a DataFrame and checks the "
            + "rows and schema.", SmokeScenarios::dataFrameOps),
        smoke("aggregation", "Groups a range by a modulus and checks each group's count and sum against "
            + "arithmetic.", SmokeScenarios::aggregation),
        smoke("join", "Joins two overlapping ranges (inner and left outer) and checks the matched and unmatched "
            + "counts.", SmokeScenarios::join),
        smoke("config-round-trip", "Sets, reads, overrides and unsets a runtime SQL configuration and checks it "
            + "changes query behaviour.", SmokeScenarios::configRoundTrip),
        smoke("bad-sql-error", "Sends malformed SQL and checks the typed ParseException: error class, SQL state "
            + "and a usable session afterwards.", SmokeScenarios::badSql),
        smoke("analysis-error", "Queries an unknown column and an unknown table and checks the typed "
            + "AnalysisExceptions and their error classes.", SmokeScenarios::analysisError),
        smoke("types-round-trip", "Selects one value of each common Spark type and checks each decodes to the "
            + "exact Java value and the schema names the type.", SmokeScenarios::typesRoundTrip),
        smoke("streaming", "Runs a streaming query from a rate-micro-batch source (100 rows a batch) into a memory "
            + "sink until it has 3 batches, stops it, and checks the rows are whole batches of 0..n-1 without gaps or "
            + "repeats, matching the rows its progress reports counted (but for a last batch whose report stop() "
            + "cut off).", SmokeScenarios::streaming));
  }

  private static Scenario smoke(String name, String description, Scenario.ScenarioBody body) {
    return Scenario.of(ScenarioKind.SMOKE, name, description, body);
  }

  private static void connect(ScenarioContext context) {
    SparkSession spark = context.openConnection();
    String version = spark.version();
    Check.that(version.matches("\\d+\\.\\d+\\.\\d+.*"), () -> "version should be a release number, was " + version);
    Check.equal("version of a new connection", context.serverVersion(), version);
    context.metric("serverVersion", version);
  }

  private static void serverVersion(ScenarioContext context) {
    String reported = context.session().sql("SELECT version()").first().getString(0);
    String release = reported.split(" ")[0];
    Check.equal("SELECT version()", context.serverVersion(), release);
    context.metric("versionString", reported);
  }

  private static void releaseAndReconnect(ScenarioContext context) {
    SparkSession first = context.openConnection();
    Check.equal("query on the first session", 3L, first.range(3).count());
    String firstId = first.sessionId();
    first.close();
    Check.fails("a query on a closed session", SessionException.class, () -> first.range(1).count());
    SparkSession second = context.openConnection();
    Check.equal("query after reconnecting", 5L, second.range(5).count());
    Check.that(!second.sessionId().equals(firstId), () -> "a new session should get a new id, got " + firstId);
  }

  private static void basicSql(ScenarioContext context) {
    Row row = context.session().sql("SELECT 6 * 7 AS answer, upper(concat('spark', ' ', 'connect')) AS name, "
        + "CAST(NULL AS STRING) AS missing, CASE WHEN 1 < 2 THEN 'yes' ELSE 'no' END AS decision, "
        + "10 / 4 AS ratio, 10 DIV 4 AS quotient").first();
    Check.equal("6 * 7", 42, row.get("answer"));
    Check.equal("upper(concat(...))", "SPARK CONNECT", row.getString("name"));
    Check.that(row.isNullAt("missing"), () -> "NULL should decode as null, was " + row.get("missing"));
    Check.equal("CASE", "yes", row.getString("decision"));
    Check.equal("10 / 4", 2.5, row.getDouble("ratio"));
    Check.equal("10 DIV 4", 2L, row.getLong("quotient"));
  }

  private static void rangeCount(ScenarioContext context) {
    long n = 1_000_000;
    DataFrame range = context.session().range(0, n, 1, 4);
    Check.equal("count of range(" + n + ")", n, range.count());
    Row sums = range.agg(sum("id").alias("total"), count(lit(1)).alias("rows")).first();
    Check.equal("sum of ids", n * (n - 1) / 2, sums.getLong("total"));
    Check.equal("count(1)", n, sums.getLong("rows"));
  }

  private static void dataFrameOps(ScenarioContext context) {
    DataFrame result = context.session().range(100)
        .filter(col("id").mod(3).equalTo(0))
        .withColumn("square", col("id").multiply(col("id")))
        .select(col("id"), col("square"), col("id").cast("string").alias("label"))
        .orderBy(col("id").desc())
        .limit(3);
    Check.equal("columns", List.of("id", "square", "label"), Arrays.asList(result.columns()));
    List<Row> rows = result.collect();
    Check.equal("rows", 3, rows.size());
    long[] ids = {99, 96, 93};
    for (int i = 0; i < ids.length; i++) {
      Row row = rows.get(i);
      Check.equal("id of row " + i, ids[i], row.getLong(0));
      Check.equal("square of row " + i, ids[i] * ids[i], row.getLong(1));
      Check.equal("label of row " + i, Long.toString(ids[i]), row.getString(2));
    }
  }

  private static void aggregation(ScenarioContext context) {
    long n = 10_000;
    int groups = 7;
    List<Row> rows = context.session().range(n)
        .withColumn("bucket", col("id").mod(groups))
        .groupBy("bucket")
        .agg(count(lit(1)).alias("trips"), sum("id").alias("total"))
        .orderBy("bucket")
        .collect();
    Check.equal("groups", groups, rows.size());
    for (int b = 0; b < groups; b++) {
      long expectedCount = 0;
      long expectedSum = 0;
      for (long id = b; id < n; id += groups) {
        expectedCount++;
        expectedSum += id;
      }
      Row row = rows.get(b);
      Check.equal("bucket key", (long) b, row.getLong(0));
      Check.equal("count of bucket " + b, expectedCount, row.getLong(1));
      Check.equal("sum of bucket " + b, expectedSum, row.getLong(2));
    }
  }

  private static void join(ScenarioContext context) {
    SparkSession spark = context.session();
    DataFrame left = spark.range(0, 100).withColumnRenamed("id", "k");
    DataFrame right = spark.range(50, 150).withColumnRenamed("id", "k").withColumn("v", col("k").multiply(2));
    Check.equal("inner join rows", 50L, left.join(right, "k").count());
    DataFrame outer = left.join(right, List.of("k"), "left");
    Check.equal("left join rows", 100L, outer.count());
    Check.equal("left join rows without a match", 50L, outer.filter(col("v").isNull()).count());
    Row sums = left.join(right, "k").agg(sum("v").alias("v")).first();
    Check.equal("sum of joined values", 2L * (50 + 99) * 50 / 2, sums.getLong(0));
  }

  private static void configRoundTrip(ScenarioContext context) {
    SparkSession spark = context.session();
    String key = "spark.sql.shuffle.partitions";
    Check.that(spark.conf().isModifiable(key), () -> key + " should be modifiable at runtime");
    String before = spark.conf().get(key);
    String changed = "7".equals(before) ? "9" : "7";
    spark.conf().set(key, changed);
    Check.equal(key + " after set", changed, spark.conf().get(key));
    Check.equal(key + " as the server sees it", changed, spark.sql("SET " + key).first().getString(1));
    spark.conf().set("spark.sql.caseSensitive", "true");
    Check.fails("case-sensitive column resolution", AnalysisException.class,
        () -> spark.sql("SELECT ID FROM range(1)").collect());
    spark.conf().unset("spark.sql.caseSensitive");
    Check.equal("resolution after unset", 1, spark.sql("SELECT ID FROM range(1)").collect().size());
    spark.conf().unset(key);
    // Unsetting drops the session's value; Spark then answers its built-in default, not the server's startup value.
    Check.equal(key + " after unset", "200", spark.conf().get(key));
    String custom = "spark.scenario." + context.uniqueName("marker");
    spark.conf().set(custom, "on");
    Check.equal(custom + " after set", "on", spark.conf().get(custom));
    spark.conf().unset(custom);
    Check.equal(custom + " after unset", java.util.Optional.empty(), spark.conf().getOption(custom));
    Map<String, String> all = spark.conf().getAll();
    Check.that(all.containsKey("spark.sql.session.timeZone"), () -> "getAll lacks the session time zone: " + all);
  }

  private static void badSql(ScenarioContext context) {
    SparkSession spark = context.session();
    ParseException error = Check.fails("malformed SQL", ParseException.class,
        () -> spark.sql("SELEC 1 FROM").collect());
    ErrorExpectations.check(context, error, "PARSE_SYNTAX_ERROR", "42601", "Syntax error");
    Check.equal("query after the error", 1L, spark.range(1).count());
  }

  private static void analysisError(ScenarioContext context) {
    SparkSession spark = context.session();
    AnalysisException column = Check.fails("unknown column", AnalysisException.class,
        () -> spark.range(3).select(col("no_such_column")).collect());
    ErrorExpectations.check(context, column, "UNRESOLVED_COLUMN", "42703", "no_such_column");
    Check.that(column.getMessage().contains("no_such_column"), () -> "message should name the column: "
        + column.getMessage());
    String missing = context.uniqueName("no_such_table");
    AnalysisException table = Check.fails("unknown table", AnalysisException.class,
        () -> spark.table(missing).collect());
    ErrorExpectations.check(context, table, "TABLE_OR_VIEW_NOT_FOUND", "42P01", missing);
  }

  private static void typesRoundTrip(ScenarioContext context) {
    DataFrame df = context.session().sql("SELECT true AS b, CAST(7 AS TINYINT) AS i8, 123456789012 AS i64, "
        + "CAST(1.25 AS DOUBLE) AS f64, CAST('12.345' AS DECIMAL(10, 3)) AS dec, 'héllo' AS s, "
        + "DATE'2024-02-29' AS d, TIMESTAMP'2024-01-01 12:30:00' AS ts, X'CAFE' AS bin, "
        + "array(1, 2, 3) AS arr, map('a', 1) AS m, named_struct('x', 1, 'y', 'z') AS st");
    Row row = df.first();
    Check.equal("boolean", true, row.getBoolean(0));
    Check.equal("tinyint", (byte) 7, row.getByte(1));
    Check.equal("bigint", 123456789012L, row.getLong(2));
    Check.equal("double", 1.25, row.getDouble(3));
    Check.equal("decimal", new BigDecimal("12.345"), row.getDecimal(4));
    Check.equal("string", "héllo", row.getString(5));
    Check.equal("date", LocalDate.of(2024, 2, 29), row.getDate(6));
    Check.equal("timestamp (UTC session)", Instant.parse("2024-01-01T12:30:00Z"), row.getTimestamp(7));
    Check.equal("binary", "[-54, -2]", Arrays.toString(row.getBinary(8)));
    Check.equal("array", List.of(1, 2, 3), row.getList(9));
    Check.equal("map", Map.of("a", 1), row.getMap(10));
    Check.equal("struct", List.of(1, "z"), row.getStruct(11).toList());
    Check.equal("schema", "struct<b:boolean,i8:tinyint,i64:bigint,f64:double,dec:decimal(10,3),s:string,d:date,"
        + "ts:timestamp,bin:binary,arr:array<int>,m:map<string,int>,st:struct<x:int,y:string>>",
        df.schema().simpleString());
  }

  private static void streaming(ScenarioContext context) {
    SparkSession spark = context.session();
    String name = context.uniqueName("smoke_stream").replaceAll("[^A-Za-z0-9_]", "_");
    StreamingQuery query = spark.readStream().format("rate-micro-batch").option("rowsPerBatch", 100)
        .option("numPartitions", 2).load().select("value")
        .writeStream().format("memory").queryName(name).trigger(Trigger.processingTime(Duration.ofMillis(200)))
        .start();
    long rows = 0;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (rows < 300 && System.nanoTime() < deadline) {
        Check.that(query.isActive(), () -> "the streaming query stopped by itself: " + query.exception());
        sleep(200);
        rows = spark.table(name).count();
      }
    } finally {
      query.stop();
    }
    Check.that(!query.isActive(), () -> "the query is still active after stop()");
    Check.that(query.exception().isEmpty(), () -> "the query failed: " + query.exception().get().getMessage());
    Row stats = spark.table(name).agg(count(lit(1)), countDistinct(col("value")), min("value"), max("value"))
        .first();
    long total = stats.getLong(0);
    Check.that(total >= 300, () -> "the query wrote " + total + " rows in 60 s, fewer than 3 batches");
    Check.equal("rows are whole batches of 100", 0L, total % 100);
    Check.equal("distinct values", total, stats.getLong(1));
    Check.equal("first value", 0L, stats.getLong(2));
    Check.equal("last value", total - 1, stats.getLong(3));
    long reported = query.recentProgress().stream().mapToLong(StreamingQueryProgress::numInputRows).sum();
    // A batch is reported after its rows reach the sink, so stop() can land between the two for the last batch.
    Check.that(reported == total || reported == total - 100, () -> "rows the progress reports counted: expected "
        + total + " (or " + (total - 100) + " when stop() cut off the last batch's report) but was " + reported);
    context.metric("rows", total);
    context.metric("batches", query.recentProgress().stream().filter(p -> p.numInputRows() > 0).count());
    spark.sql("DROP VIEW IF EXISTS " + name);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
