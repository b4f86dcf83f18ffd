package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.TOLERANCE;
import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.e2e;

import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkRuntimeException;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioFailedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** E2E scenarios of the client's side of a query: large collects, streaming, interrupts and typed errors. */
final class E2eClientScenarios {
  /**
   * A query that runs for about 20 seconds on two cores unless interrupted: 400 tasks whose 50 rows each sleep 2 ms.
   * Sleeping tasks stop at once when their job is cancelled, so the cores are free for the next query; a busy loop
   * would run on. It is short because a cancel that races the job's submission leaves the job running to its end.
   */
  private static final String SLOW_QUERY = "SELECT count(slept) FROM (SELECT reflect('java.lang.Thread', 'sleep', "
      + "CAST(2 AS BIGINT)) AS slept FROM range(0, 20000, 1, 400))";
  /** How long the query runs before it is interrupted, so that its job is surely submitted by then. */
  private static final long RUNNING_BEFORE_INTERRUPT_MILLIS = 1500;

  private E2eClientScenarios() {}

  static List<Scenario> all() {
    return List.of(
        e2e("large-collect", "Collects every row and column of the trips table into client memory and checks the "
            + "row count, revenue and trips per vendor against the oracle; reports rows per second.",
            E2eClientScenarios::largeCollect),
        e2e("streaming-iteration", "Streams the trips sorted by pickup time through toLocalIterator, checking the "
            + "order, count and revenue; then stops a second stream early and checks nothing is left running.",
            E2eClientScenarios::streamingIteration),
        e2e("interrupt", "Starts a 20-second query with a tag, interrupts it by tag, and checks the query fails "
            + "promptly, nothing is left running, and the session still answers.", E2eClientScenarios::interrupt),
        e2e("error-handling", "Provokes a missing table, a type mismatch, a division by zero and an invalid cast "
            + "under ANSI mode, and checks each typed exception's class and error class.",
            E2eClientScenarios::errorHandling));
  }

  private static void largeCollect(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    long start = System.nanoTime();
    List<Row> rows = context.session().table(context.taxi().tripsTable()).collect();
    double seconds = (System.nanoTime() - start) / 1e9;
    Check.equal("rows collected", oracle.trips, (long) rows.size());
    int total = rows.isEmpty() ? 0 : rows.get(0).fieldIndex("total_amount");
    int vendor = rows.isEmpty() ? 0 : rows.get(0).fieldIndex("VendorID");
    double revenue = 0;
    Map<Long, Long> perVendor = new HashMap<>();
    for (Row row : rows) {
      if (!row.isNullAt(total)) {
        revenue += row.getDouble(total);
      }
      perVendor.merge(TaxiOracle.asLong(row.get(vendor)), 1L, Long::sum);
    }
    Check.close("revenue of the collected rows", oracle.totalSum, revenue, TOLERANCE);
    Map<Long, Long> expected = new HashMap<>();
    oracle.byVendor.forEach((key, stats) -> expected.put(key, stats.trips));
    Check.equal("trips per vendor in the collected rows", expected, perVendor);
    context.metric("rows", rows.size());
    context.metric("columns", rows.isEmpty() ? 0 : rows.get(0).size());
    context.metric("collectSeconds", Math.round(seconds * 1000) / 1000.0);
    context.metric("rowsPerSecond", Math.round(rows.size() / Math.max(seconds, 1e-9)));
  }

  private static void streamingIteration(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    SparkSession spark = context.session();
    String table = context.taxi().tripsTable();
    long rows = 0;
    long previous = Long.MIN_VALUE;
    double revenue = 0;
    try (CloseableIterator<Row> it = spark.sql("SELECT tpep_pickup_datetime, total_amount FROM " + table
        + " WHERE tpep_pickup_datetime IS NOT NULL ORDER BY tpep_pickup_datetime").toLocalIterator()) {
      while (it.hasNext()) {
        Row row = it.next();
        long second = TaxiOracle.epochSecond(row.get(0));
        long row0 = rows;
        long last = previous;
        Check.that(second >= previous, () -> "row " + row0 + " picks up at " + second + ", before " + last);
        previous = second;
        if (!row.isNullAt(1)) {
          revenue += row.getDouble(1);
        }
        rows++;
      }
    }
    long streamed = rows;
    Check.that(streamed > 0 && streamed <= oracle.trips, () -> "streamed " + streamed + " of " + oracle.trips
        + " trips");
    if (context.taxi().generated()) {
      Check.equal("trips streamed", oracle.trips, rows);
      Check.close("revenue streamed", oracle.totalSum, revenue, TOLERANCE);
    }
    int early = 0;
    try (CloseableIterator<Row> it = spark.table(table).toLocalIterator()) {
      while (it.hasNext() && early < 1000) {
        it.next();
        early++;
      }
    }
    Check.equal("rows read before stopping early", (int) Math.min(1000, oracle.trips), early);
    Check.equal("operations still running after the early stop", List.of(), spark.interruptAll());
    context.metric("rowsStreamed", rows);
  }

  private static void interrupt(ScenarioContext context) throws Exception {
    SparkSession spark = context.session();
    String tag = context.uniqueName("slow");
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread query = new Thread(() -> {
      spark.addTag(tag);
      try {
        spark.sql(SLOW_QUERY).collect();
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      } finally {
        spark.removeTag(tag);
      }
    }, "interrupt-scenario-query");
    query.setDaemon(true);
    query.start();
    try {
      Thread.sleep(RUNNING_BEFORE_INTERRUPT_MILLIS);
      List<String> interrupted = List.of();
      for (int i = 0; i < 100 && interrupted.isEmpty() && !outcome.isDone(); i++) {
        interrupted = spark.interruptTag(tag);
        if (interrupted.isEmpty()) {
          Thread.sleep(100);
        }
      }
      long start = System.nanoTime();
      if (interrupted.isEmpty() && outcome.isDone()) {
        Throwable early = outcome.getNow(null);
        throw new ScenarioFailedException("the slow query ended before it could be interrupted: "
            + (early == null ? "it completed" : ScenarioExecution.describe(early)));
      }
      Check.equal("operations interrupted by tag", 1, interrupted.size());
      Throwable error = outcome.get(60, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      Check.that(error instanceof SparkConnectException, () -> "the interrupted query should fail with a "
          + "SparkConnectException, got " + error);
      Check.equal("operations running after the interrupt", List.of(), spark.interruptAll());
      long after = System.nanoTime();
      Check.equal("a query after the interrupt", 3L, spark.range(3).count());
      context.metric("secondsToNextQuery", Math.round((System.nanoTime() - after) / 1e6) / 1000.0);
      context.metric("secondsToInterrupt", Math.round(seconds * 1000) / 1000.0);
    } finally {
      if (!outcome.isDone()) {
        spark.interruptAll();
      }
    }
  }

  private static void errorHandling(ScenarioContext context) {
    SparkSession spark = context.session();
    String table = context.taxi().tripsTable();
    String missing = context.uniqueName("no_such_trips");
    AnalysisException notFound = Check.fails("a missing table", AnalysisException.class,
        () -> spark.sql("SELECT count(*) FROM " + missing).collect());
    ErrorExpectations.check(context, notFound, "TABLE_OR_VIEW_NOT_FOUND", "42P01", missing);
    AnalysisException mismatch = Check.fails("a type mismatch", AnalysisException.class,
        () -> spark.sql("SELECT VendorID + array(1) FROM " + table).collect());
    ErrorExpectations.check(context, mismatch, "DATATYPE_MISMATCH", "42K09", "data type mismatch");
    spark.conf().set("spark.sql.ansi.enabled", "true");
    SparkRuntimeException divide = Check.fails("a division by zero", SparkRuntimeException.class,
        () -> spark.sql("SELECT sum(CAST(fare_amount AS BIGINT) DIV (VendorID - VendorID)) FROM " + table)
            .collect());
    ErrorExpectations.check(context, divide, "DIVIDE_BY_ZERO", "22012", "by zero");
    SparkRuntimeException cast = Check.fails("an invalid cast", SparkRuntimeException.class,
        () -> spark.sql("SELECT CAST(concat(store_and_fwd_flag, 'x') AS INT) FROM " + table).collect());
    ErrorExpectations.check(context, cast, "CAST_INVALID_INPUT", "22018", "cannot be cast");
    Check.equal("a query after the errors", 1L, spark.sql("SELECT 1").count());
  }
}
