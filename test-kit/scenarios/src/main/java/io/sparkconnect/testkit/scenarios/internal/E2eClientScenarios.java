package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.e2e;

import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkRuntimeException;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioFailedException;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.time.Instant;
import java.util.List;
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
        e2e("large-collect", "Collects every row and column of the trips table into client memory and checks every "
            + "value of every row against the generator's model (generated data), then per-column non-NULL counts "
            + "and sums of Spark's hash against the same computed by the server; reports rows per second.",
            E2eClientScenarios::largeCollect),
        e2e("streaming-iteration", "Streams the trips sorted by pickup time through toLocalIterator, checking the "
            + "order, each row's pickup and total against the model (generated data), the revenue, and hash digests "
            + "against the server's; then stops a second stream early and checks nothing is left running.",
            E2eClientScenarios::streamingIteration),
        e2e("interrupt", "Starts a 20-second query with a tag, interrupts it by tag, and checks the query fails "
            + "promptly, nothing is left running, and the session still answers.", E2eClientScenarios::interrupt),
        e2e("error-handling", "Provokes a missing table, a type mismatch, a division by zero and an invalid cast "
            + "under ANSI mode, and checks each typed exception's class and error class.",
            E2eClientScenarios::errorHandling));
  }

  private static void largeCollect(ScenarioContext context) {
    TaxiDataset taxi = context.taxi();
    DataFrame table = context.session().table(taxi.tripsTable());
    StructType schema = table.schema();
    long start = System.nanoTime();
    List<Row> rows = Answers.of("large-collect.rows", table.collect());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (taxi.generated()) {
      ModelRows model = new ModelRows(taxi.trips(), "collected", TaxiTripModel.COLUMNS);
      List<String> columns = schema.fieldNames();
      Check.equal("columns of the collected rows", TaxiTripModel.COLUMNS, columns);
      long position = 0;
      for (Row row : rows) {
        model.check(position++, row);
      }
      model.checkComplete();
    }
    ColumnDigests digests = new ColumnDigests(schema);
    rows.forEach(digests::add);
    digests.checkAgainstServer(context.session(), taxi.tripsTable(), "collected rows");
    context.metric("rows", rows.size());
    context.metric("columns", schema.size());
    context.metric("columnsNotHashed", String.join(",", digests.skipped()));
    context.metric("collectSeconds", Math.round(seconds * 1000) / 1000.0);
    context.metric("rowsPerSecond", Math.round(rows.size() / Math.max(seconds, 1e-9)));
  }

  private static void streamingIteration(ScenarioContext context) {
    TaxiDataset taxi = context.taxi();
    SparkSession spark = context.session();
    String table = taxi.tripsTable();
    String nonNullPickups = table + " WHERE tpep_pickup_datetime IS NOT NULL";
    DataFrame sorted = spark.sql("SELECT tpep_pickup_datetime, total_amount FROM " + nonNullPickups
        + " ORDER BY tpep_pickup_datetime");
    ColumnDigests digests = new ColumnDigests(sorted.schema());
    ModelRows model = taxi.generated()
        ? new ModelRows(taxi.trips(), "streamed", List.of("tpep_pickup_datetime", "total_amount")) : null;
    long rows = 0;
    long previous = Long.MIN_VALUE;
    long revenueCents = 0;
    try (CloseableIterator<Row> it = Answers.streamed("streaming-iteration.rows", sorted.toLocalIterator())) {
      while (it.hasNext()) {
        Row row = it.next();
        long second = TaxiOracle.epochSecond(row.get(0));
        long row0 = rows;
        long last = previous;
        Check.that(second >= previous, () -> "streamed row " + row0 + " picks up at " + Instant.ofEpochSecond(second)
            + ", before the previous row's " + Instant.ofEpochSecond(last) + ": the rows are out of order");
        previous = second;
        if (model != null) {
          model.check(rows, row);
        }
        if (!row.isNullAt(1)) {
          revenueCents += Math.round(row.getDouble(1) * 100);
        }
        digests.add(row);
        rows++;
      }
    }
    if (model != null) {
      model.checkComplete();
      long expectedCents = 0;
      for (long id = 0; id < taxi.trips(); id++) {
        expectedCents += TaxiTripModel.totalMissing(id) ? 0 : TaxiTripModel.totalCents(id);
      }
      Check.equal("revenue streamed in cents", expectedCents, revenueCents);
    }
    digests.checkAgainstServer(spark, nonNullPickups, "streamed rows");
    int early = 0;
    try (CloseableIterator<Row> it = spark.table(table).toLocalIterator()) {
      while (it.hasNext() && early < 1000) {
        it.next();
        early++;
      }
    }
    Check.equal("rows read before stopping early", (int) Math.min(1000, taxi.trips()), early);
    Check.equal("operations still running after the early stop", List.of(),
        Answers.of("streaming-iteration.still-running", spark.interruptAll()));
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
      Check.equal("operations interrupted by tag", 1, Answers.of("interrupt.interrupted", interrupted).size());
      Throwable error = Answers.of("interrupt.outcome", outcome.get(60, TimeUnit.SECONDS));
      double seconds = (System.nanoTime() - start) / 1e9;
      Check.that(error instanceof SparkConnectException, () -> "the interrupted query should fail with a "
          + "SparkConnectException, got " + error);
      Check.equal("operations running after the interrupt", List.of(),
          Answers.of("interrupt.still-running", spark.interruptAll()));
      long after = System.nanoTime();
      Check.equal("a query after the interrupt", 3L, Answers.of("interrupt.next-query", spark.range(3).count()));
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
    AnalysisException notFound = fails("error-handling.missing-table", "a missing table", AnalysisException.class,
        () -> spark.sql("SELECT count(*) FROM " + missing).collect());
    ErrorExpectations.check(context, notFound, "TABLE_OR_VIEW_NOT_FOUND", "42P01", missing);
    AnalysisException mismatch = fails("error-handling.type-mismatch", "a type mismatch", AnalysisException.class,
        () -> spark.sql("SELECT VendorID + array(1) FROM " + table).collect());
    ErrorExpectations.check(context, mismatch, "DATATYPE_MISMATCH", "42K09", "data type mismatch");
    spark.conf().set("spark.sql.ansi.enabled", "true");
    SparkRuntimeException divide = fails("error-handling.division-by-zero", "a division by zero",
        SparkRuntimeException.class,
        () -> spark.sql("SELECT sum(CAST(fare_amount AS BIGINT) DIV (VendorID - VendorID)) FROM " + table)
            .collect());
    ErrorExpectations.check(context, divide, "DIVIDE_BY_ZERO", "22012", "by zero");
    SparkRuntimeException cast = fails("error-handling.invalid-cast", "an invalid cast", SparkRuntimeException.class,
        () -> spark.sql("SELECT CAST(concat(store_and_fwd_flag, 'x') AS INT) FROM " + table).collect());
    ErrorExpectations.check(context, cast, "CAST_INVALID_INPUT", "22018", "cannot be cast");
    Check.equal("a query after the errors", 1L,
        Answers.of("error-handling.next-query", spark.sql("SELECT 1").count()));
  }

  /** {@link Check#fails}, where a test may tamper with the error the server answered (or make it none). */
  private static <T extends Throwable> T fails(String answer, String what, Class<T> type,
      Check.ThrowingRunnable action) {
    return Check.fails(what, type, () -> {
      Throwable thrown = null;
      try {
        action.run();
      } catch (Throwable e) {
        thrown = e;
      }
      thrown = Answers.of(answer, thrown);
      if (thrown instanceof Exception) {
        throw (Exception) thrown;
      } else if (thrown != null) {
        throw (Error) thrown;
      }
    });
  }
}
