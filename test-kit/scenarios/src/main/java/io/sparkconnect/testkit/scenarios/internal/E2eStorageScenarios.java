package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.sum;
import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.TOLERANCE;
import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.e2e;

import io.sparkconnect.sql.AnalysisException;
import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** E2E scenarios that write and read back: parquet files, managed tables, temporary views, and parameterized SQL. */
final class E2eStorageScenarios {
  private E2eStorageScenarios() {}

  static List<Scenario> all() {
    return List.of(
        e2e("parquet-round-trip", "Writes card-paid trips as parquet partitioned by vendor under the server's "
            + "warehouse, reads them back, and checks count, fare sum and per-vendor counts against the model; "
            + "then checks the error-if-exists and overwrite save modes.", E2eStorageScenarios::parquetRoundTrip),
        e2e("save-as-table", "Saves per-vendor, per-payment aggregates as a managed table, reads it back, appends "
            + "it again with insertInto, and checks the rows against the model before dropping the table.",
            E2eStorageScenarios::saveAsTable),
        e2e("temp-view", "Registers a temporary view of the long trips, checks SQL over it against the model's long "
            + "trips per zone and the same DataFrame query, that another session cannot see it, and that a global "
            + "temporary view can be seen.",
            E2eStorageScenarios::tempView),
        e2e("parameterized-sql", "Runs SQL with named and positional parameters (numbers and a string that "
            + "looks like SQL injection) and checks each count and sum against the model's trips and fares.",
            E2eStorageScenarios::parameterizedSql));
  }

  private static void parquetRoundTrip(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    SparkSession spark = context.session();
    String warehouse = spark.conf().get("spark.sql.warehouse.dir");
    String path = warehouse.replaceAll("/+$", "") + "/spark_connect_java_scenarios/"
        + context.uniqueName("parquet_round_trip");
    DataFrame cardTrips = spark.table(context.taxi().tripsTable()).filter(col("payment_type").equalTo(1))
        .select("VendorID", "PULocationID", "fare_amount", "tip_amount", "tpep_pickup_datetime");
    try {
      writeAndReadBack(context, oracle, spark, cardTrips, path);
    } finally {
      try {
        cardTrips.limit(0).write().mode("overwrite").parquet(path);
      } catch (RuntimeException e) {
        context.metric("leftOverFiles", path + " (emptying it failed: " + e.getMessage() + ")");
      }
    }
  }

  private static void writeAndReadBack(ScenarioContext context, TaxiOracle oracle, SparkSession spark,
      DataFrame cardTrips, String path) {
    cardTrips.write().mode("overwrite").partitionBy("VendorID").parquet(path);
    DataFrame back = spark.read().parquet(path);
    GroupStats card = oracle.byPayment.get(1L);
    Check.that(card != null, () -> "the dataset has no card-paid trips (payment_type 1)");
    Row totals = Answers.of("parquet-round-trip.totals", back.agg(count(lit(1)), sum("fare_amount")).first());
    Check.equal("trips read back", card.trips, totals.getLong(0));
    Check.close("fares read back", card.fareSum, totals.getDouble(1), TOLERANCE);
    Map<Long, Long> perVendor = new HashMap<>();
    for (Row row : Answers.of("parquet-round-trip.per-vendor", back.groupBy("VendorID").count().collect())) {
      perVendor.put(TaxiOracle.asLong(row.get(0)), row.getLong(1));
    }
    Map<Long, Long> expected = new HashMap<>();
    oracle.byVendorAndPayment.forEach((key, stats) -> {
      if (Long.valueOf(1).equals(key.get(1))) {
        expected.put(key.get(0), stats.trips);
      }
    });
    Check.sameEntries("trips per vendor partition", expected, perVendor);
    Check.equal("columns read back (partition column last)",
        List.of("PULocationID", "fare_amount", "tip_amount", "tpep_pickup_datetime", "VendorID"),
        Arrays.asList(back.columns()));
    Check.that(back.inputFiles().length > 0, () -> "the parquet read lists no input files");
    Check.fails("writing to an existing path with mode error", AnalysisException.class,
        () -> cardTrips.write().mode("error").parquet(path));
    cardTrips.limit(10).write().mode("overwrite").partitionBy("VendorID").parquet(path);
    Check.equal("trips after overwrite", 10L, spark.read().parquet(path).count());
    context.metric("path", path);
    context.metric("rowsWritten", card.trips);
  }

  private static void saveAsTable(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    SparkSession spark = context.session();
    String table = TaxiDatasets.DATABASE + "." + context.uniqueName("fares_by_vendor_payment");
    try {
      spark.table(context.taxi().tripsTable()).groupBy("VendorID", "payment_type")
          .agg(count(lit(1)).alias("trips"), sum("fare_amount").alias("fares"))
          .write().format("parquet").mode("errorifexists").saveAsTable(table);
      List<Row> rows = Answers.of("save-as-table.rows", spark.table(table).collect());
      Check.equal("rows in the saved table", oracle.byVendorAndPayment.size(), rows.size());
      for (Row row : rows) {
        List<Long> key = Arrays.asList(TaxiOracle.asLong(row.get(0)), TaxiOracle.asLong(row.get(1)));
        GroupStats expected = oracle.byVendorAndPayment.get(key);
        Check.that(expected != null, () -> "unexpected group " + key + " in " + table);
        Check.equal("trips of " + key, expected.trips, row.getLong(2));
        Check.close("fares of " + key, expected.fareSum, row.getDouble(3), TOLERANCE);
      }
      spark.table(table).write().insertInto(table);
      Row doubled = Answers.of("save-as-table.appended", spark.sql("SELECT count(*), sum(trips) FROM " + table)
          .first());
      Check.equal("rows after insertInto", 2L * rows.size(), doubled.getLong(0));
      Check.equal("trips after insertInto", 2 * oracle.trips, doubled.getLong(1));
      context.metric("table", table);
    } finally {
      spark.sql("DROP TABLE IF EXISTS " + table).collect();
    }
    Check.equal("tables left after DROP", 0, spark.sql("SHOW TABLES IN " + TaxiDatasets.DATABASE + " LIKE '"
        + table.substring(table.indexOf('.') + 1) + "'").collect().size());
  }

  private static void tempView(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    SparkSession spark = context.session();
    String view = context.uniqueName("long_trips");
    DataFrame longTrips = spark.table(context.taxi().tripsTable())
        .filter(col("trip_distance").gt(TaxiOracle.LONG_TRIP_MILES));
    longTrips.createOrReplaceTempView(view);
    List<Row> viaSql = Answers.of("temp-view.sql", spark.sql("SELECT PULocationID, count(*) AS trips FROM " + view
        + " GROUP BY PULocationID ORDER BY PULocationID").collect());
    Map<Long, Long> perZone = new HashMap<>();
    for (Row row : viaSql) {
      perZone.put(TaxiOracle.asLong(row.get(0)), row.getLong(1));
    }
    Check.sameEntries("trips over " + TaxiOracle.LONG_TRIP_MILES + " miles per pickup zone, by SQL over the view",
        oracle.longTripsByPickupZone, perZone);
    List<Row> viaApi = Answers.of("temp-view.api", longTrips.groupBy("PULocationID")
        .agg(count(lit(1)).alias("trips")).orderBy("PULocationID").collect());
    Check.equal("SQL over the view vs the DataFrame API", viaApi, viaSql);
    Check.that(!viaSql.isEmpty(), () -> "no trips longer than 10 miles; the dataset is too small");
    SparkSession other = context.openConnection();
    Check.fails("the view from another session", AnalysisException.class, () -> other.table(view).collect());
    String global = context.uniqueName("long_trip_count");
    try {
      spark.sql("SELECT count(*) AS trips FROM " + view).createOrReplaceGlobalTempView(global);
      long expected = oracle.longTripsByPickupZone.values().stream().mapToLong(Long::longValue).sum();
      Check.equal("global temp view from another session", expected,
          Answers.of("temp-view.global", other.table("global_temp." + global).first().getLong(0)));
    } finally {
      spark.sql("DROP VIEW IF EXISTS global_temp." + global).collect();
    }
    spark.sql("DROP VIEW IF EXISTS " + view).collect();
    Check.fails("the dropped view", AnalysisException.class, () -> spark.table(view).collect());
    context.metric("zonesWithLongTrips", viaSql.size());
  }

  private static void parameterizedSql(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    SparkSession spark = context.session();
    String table = context.taxi().tripsTable();
    Row byPayment = Answers.of("parameterized-sql.positional", spark.sql("SELECT count(*), sum(fare_amount) FROM "
        + table + " WHERE payment_type = ?", 2L).first());
    GroupStats cash = oracle.byPayment.getOrDefault(2L, new GroupStats());
    Check.equal("cash trips (positional parameter)", cash.trips, byPayment.getLong(0));
    Check.equal("cash fares are NULL exactly when there are none", cash.fares() == 0, byPayment.isNullAt(1));
    if (cash.fares() > 0) {
      Check.close("cash fares (positional parameter)", cash.fareSum, byPayment.getDouble(1), TOLERANCE);
    }
    double median = oracle.farePercentile(0.5);
    Map<String, Object> named = Map.of("payment", 1L, "minFare", median);
    long viaSql = Answers.of("parameterized-sql.named", spark.sql("SELECT count(*) FROM " + table
        + " WHERE payment_type = :payment AND fare_amount > :minFare", named).first().getLong(0));
    GroupStats card = oracle.byPayment.getOrDefault(1L, new GroupStats());
    Check.equal("card trips above the median fare " + median + " (named parameters)", card.faresAbove(median),
        viaSql);
    Check.that(viaSql > 0, () -> "no card trips above the median fare " + median);
    long injected = Answers.of("parameterized-sql.injection", spark.sql("SELECT count(*) FROM " + table
        + " WHERE store_and_fwd_flag = :flag", Map.of("flag", "N' OR '1'='1")).first().getLong(0));
    Check.equal("trips matching a parameter that looks like SQL injection", 0L, injected);
    context.metric("medianFare", median);
  }
}
