package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The eight load scenarios. Each runs for the configured duration (or operation budget), back to back or paced to
 * the configured rate, and checks every result it gets, so a wrong answer counts as an error, not as throughput.
 */
public final class LoadScenarios {
  private static final String[] OPERATION_KINDS = {"pointLookups", "aggregations", "schemaRequests", "rangeSums"};

  private LoadScenarios() {}

  public static List<Scenario> all() {
    return List.of(
        load("sustained-rate", "One session runs small checked queries for the whole duration: back to back "
            + "from one client, or paced to the requested rate from --concurrency clients (open loop, latency from "
            + "each query's due time); reports queries per second and latency percentiles.",
            LoadScenarios::sustainedRate),
        load("concurrent-sessions", "Opens one session per worker on one connection, each with its own "
            + "configuration, and runs checked queries from all of them at once; checks sessions stay isolated.",
            LoadScenarios::concurrentSessions),
        load("concurrent-connections", "Opens one connection per worker and runs checked queries over all of them "
            + "at once; reports connection time, throughput and latency.", LoadScenarios::concurrentConnections),
        load("heavy-aggregation", "Repeats SELECT passenger_count, COUNT, SUM, AVG, STDDEV and exact percentiles "
            + "of fares ... WHERE passenger_count > 0 GROUP BY passenger_count over the whole trips table from "
            + "every worker; checks every value of every group against the same aggregate in the DataFrame API.",
            LoadScenarios::heavyAggregation),
        load("large-results", "Workers repeatedly collect 200,000-row results (long, double, string) and check "
            + "each; reports rows per second.", LoadScenarios::largeResults),
        load("memory-stress", "A soak: for the whole duration workers repeat large streamed reads (a million "
            + "rows each, checked) while the live heap is sampled, failing if its trend rises; then streams the "
            + "configured rows (20 million, some 600 MiB, by default) once in a client JVM with a 96 MiB heap and "
            + "checks it held under 48 MiB live while streaming and retained under 32 MiB after.",
            LoadScenarios::memoryStress),
        load("mixed-workload", "Workers mix parameterized point lookups, aggregations, schema requests and "
            + "computed ranges over the taxi dataset, checking each answer.", LoadScenarios::mixedWorkload),
        load("session-churn", "Workers repeatedly open a connection and session, run a query and close it; "
            + "reports the latency of the whole lifecycle.", LoadScenarios::sessionChurn));
  }

  private static Scenario load(String name, String description, Scenario.ScenarioBody body) {
    return Scenario.of(ScenarioKind.LOAD, name, description, body);
  }

  /** A checked query: the sum of {@code 0..n-1}, with n varying by sequence, must equal n(n-1)/2. */
  static void checkedRangeSum(SparkSession spark, long sequence) {
    long n = 1000 + sequence % 1000;
    long sum = spark.sql("SELECT sum(id) FROM range(" + n + ")").first().getLong(0);
    Check.equal("sum of range(" + n + ")", n * (n - 1) / 2, sum);
  }

  private static void sustainedRate(ScenarioContext context) throws InterruptedException {
    SparkSession spark = context.session();
    int clients = context.settings().paced() ? context.settings().concurrency() : 1;
    LoadDriver.run(context, LoadDriver.Load.simple(clients), (worker, sequence) -> checkedRangeSum(spark, sequence));
  }

  private static void concurrentSessions(ScenarioContext context) throws InterruptedException {
    int workers = context.settings().concurrency();
    List<SparkSession> sessions = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      SparkSession session = context.newSession();
      session.conf().set("spark.sql.shuffle.partitions", Integer.toString(w + 1));
      sessions.add(session);
    }
    LoadDriver.run(context, LoadDriver.Load.simple(workers), (worker, sequence) -> {
      SparkSession spark = sessions.get(worker);
      if (sequence % 10 == 0) {
        Check.equal("shuffle partitions of session " + worker, Integer.toString(worker + 1),
            spark.conf().get("spark.sql.shuffle.partitions"));
      }
      checkedRangeSum(spark, sequence);
    });
    context.metric("sessions", workers);
  }

  private static void concurrentConnections(ScenarioContext context) throws InterruptedException {
    int workers = context.settings().concurrency();
    List<SparkSession> connections = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      SparkSession connection = context.openConnection();
      connection.version();
      connections.add(connection);
    }
    context.metric("connections", workers);
    context.metric("connectAllMillis", LoadDriver.round((System.nanoTime() - start) / 1e6));
    LoadDriver.run(context, LoadDriver.Load.simple(workers),
        (worker, sequence) -> checkedRangeSum(connections.get(worker), sequence));
  }

  private static void heavyAggregation(ScenarioContext context) throws InterruptedException {
    String table = context.taxi().tripsTable();
    SparkSession spark = context.session();
    List<Row> expected = HeavyAggregation.expected(spark, table);
    Check.that(!expected.isEmpty(), () -> "no trip of " + table + " has a passenger_count above 0");
    String query = HeavyAggregation.sql(table);
    LoadDriver.run(context, LoadDriver.Load.heavy(context.settings().concurrency()),
        (worker, sequence) -> HeavyAggregation.check(expected, spark.sql(query).collect()));
    context.metric("groups", expected.size());
    context.metric("tripsPerQuery", expected.stream().mapToLong(r -> r.getLong(1)).sum());
  }

  private static void largeResults(ScenarioContext context) throws InterruptedException {
    long rows = 200_000;
    SparkSession spark = context.session();
    DataFrame result = spark.range(rows).selectExpr("id", "CAST(id AS DOUBLE) * 0.5 AS x",
        "concat('row-', id) AS s");
    AtomicLong collected = new AtomicLong();
    AtomicLong measuredFrom = new AtomicLong();
    LoadDriver.run(context, LoadDriver.Load.heavy(context.settings().concurrency()).resetting(() -> {
      collected.set(0);
      measuredFrom.set(System.nanoTime());
    }), (worker, sequence) -> {
      List<Row> got = result.collect();
      Check.equal("rows collected", rows, (long) got.size());
      long ids = 0;
      for (Row row : got) {
        ids += row.getLong(0);
      }
      Check.equal("sum of ids", rows * (rows - 1) / 2, ids);
      Row last = got.get(got.size() - 1);
      Check.equal("last row's string", "row-" + last.getLong(0), last.getString(2));
      collected.addAndGet(got.size());
    });
    double seconds = (System.nanoTime() - measuredFrom.get()) / 1e9;
    context.metric("rowsCollected", collected.get());
    context.metric("rowsPerSecond", Math.round(collected.get() / seconds));
  }

  private static void memoryStress(ScenarioContext context) throws InterruptedException {
    MemoryStress.run(context);
  }

  private static void mixedWorkload(ScenarioContext context) throws InterruptedException {
    String table = context.taxi().tripsTable();
    SparkSession spark = context.session();
    long vendorOneTrips = spark.sql("SELECT count(*) FROM " + table + " WHERE VendorID = 1").first().getLong(0);
    int columns = spark.table(table).columns().length;
    AtomicLongArray done = new AtomicLongArray(OPERATION_KINDS.length);
    Runnable reset = () -> {
      for (int k = 0; k < OPERATION_KINDS.length; k++) {
        done.set(k, 0);
      }
    };
    LoadDriver.run(context, LoadDriver.Load.simple(context.settings().concurrency()).resetting(reset),
        (worker, sequence) -> {
      int kind = (int) (sequence % 10 < 6 ? 0 : sequence % 10 < 8 ? 1 : sequence % 10 < 9 ? 2 : 3);
      switch (kind) {
        case 0: {
          long zone = 1 + sequence % TaxiTripModel.ZONES;
          List<Row> rows = spark.sql("SELECT PULocationID, fare_amount FROM " + table
              + " WHERE PULocationID = ? LIMIT 10", zone).collect();
          Check.that(rows.size() <= 10, () -> "a LIMIT 10 lookup returned " + rows.size() + " rows");
          for (Row row : rows) {
            Check.equal("pickup zone of a lookup", zone, TaxiOracle.asLong(row.get(0)));
          }
          break;
        }
        case 1: {
          long total = spark.sql("SELECT payment_type, count(*) AS trips FROM " + table
              + " WHERE VendorID = 1 GROUP BY payment_type").collect().stream().mapToLong(r -> r.getLong(1)).sum();
          Check.equal("vendor 1 trips over payment types", vendorOneTrips, total);
          break;
        }
        case 2:
          Check.equal("columns of the trips table", columns, spark.table(table).schema().fields().size());
          break;
        default:
          checkedRangeSum(spark, sequence);
      }
      done.incrementAndGet(kind);
    });
    for (int k = 0; k < OPERATION_KINDS.length; k++) {
      context.metric(OPERATION_KINDS[k], done.get(k));
    }
  }

  private static void sessionChurn(ScenarioContext context) throws InterruptedException {
    String remote = context.connectionString();
    LoadDriver.run(context, LoadDriver.Load.simple(context.settings().concurrency()), (worker, sequence) -> {
      try (SparkSession spark = Sessions.connect(remote)) {
        Check.equal("SELECT " + sequence, sequence, spark.sql("SELECT " + sequence + "L").first().getLong(0));
      }
    });
  }
}
