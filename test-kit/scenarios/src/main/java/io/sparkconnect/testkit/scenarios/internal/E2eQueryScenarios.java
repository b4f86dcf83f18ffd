package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.sql.functions.avg;
import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.grouping_id;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.sum;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** E2E scenarios over the whole trips table: integrity, full-table aggregates, statistics, grouping sets, joins. */
final class E2eQueryScenarios {
  static final double TOLERANCE = 1e-9;
  private static final int FIRST_PICKUP = 3;
  private static final int LAST_DROPOFF = 4;
  /** What dataset-integrity compares with {@link TaxiTripModel#checkedValues}, in the same order: name, SQL. */
  private static final String[][] COLUMN_CHECKS = {
      {"trips of vendor 1", "count_if(VendorID = 1)"},
      {"fare cents", "sum(CAST(round(fare_amount * 100) AS BIGINT))"},
      {"total cents", "sum(CAST(round(total_amount * 100) AS BIGINT))"},
      {"first pickup (epoch second)", "unix_timestamp(min(tpep_pickup_datetime))"},
      {"last dropoff (epoch second)", "unix_timestamp(max(tpep_dropoff_datetime))"},
      {"passengers", "sum(passenger_count)"},
      {"distance in hundredths of a mile", "sum(CAST(round(trip_distance * 100) AS BIGINT))"},
      {"airport trips (RatecodeID 2)", "count_if(RatecodeID = 2)"},
      {"stored-and-forwarded trips", "count_if(store_and_fwd_flag = 'Y')"},
      {"sum of pickup zone ids", "sum(PULocationID)"},
      {"sum of dropoff zone ids", "sum(DOLocationID)"},
      {"extra cents", "sum(CAST(round(extra * 100) AS BIGINT))"},
      {"tip cents", "sum(CAST(round(tip_amount * 100) AS BIGINT))"},
      {"toll cents", "sum(CAST(round(tolls_amount * 100) AS BIGINT))"},
      {"airport fee cents", "sum(CAST(round(Airport_fee * 100) AS BIGINT))"},
      {"MTA tax, improvement and congestion surcharge cents",
          "sum(CAST(round((mta_tax + improvement_surcharge + congestion_surcharge) * 100) AS BIGINT))"},
      {"NULL fares", "count_if(fare_amount IS NULL)"},
      {"NULL totals", "count_if(total_amount IS NULL)"},
      {"NULL passenger counts", "count_if(passenger_count IS NULL)"},
      {"NULL airport fees", "count_if(Airport_fee IS NULL)"}};

  private E2eQueryScenarios() {}

  static List<Scenario> all() {
    return List.of(
        e2e("dataset-integrity", "Checks the trips table against the generator's model computed in Java (trip count, "
            + "per-column sums in cents, NULL counts, trips per payment type, pickup range, zones), or for real files "
            + "that every required column is present and the count is stable.", E2eQueryScenarios::datasetIntegrity),
        e2e("full-table-aggregates", "Aggregates the whole table on the server (count, sums, average, min/max "
            + "pickup) and compares each figure with the generator's model (or, for real files, the server's "
            + "per-vendor-and-payment aggregates summed on the client).", E2eQueryScenarios::fullTable),
        e2e("percentiles-and-stddev", "Computes exact and approximate fare percentiles, standard deviation and "
            + "variance per payment type on the server and compares them with the fare distribution of the "
            + "generator's model (or, for real files, the server's count of each distinct fare).",
            E2eQueryScenarios::statistics),
        e2e("grouping-sets", "Runs GROUPING SETS ((vendor, payment), (vendor), ()) in SQL and ROLLUP through the "
            + "DataFrame API; every group's trips, non-NULL fares and fare sum must equal the generator's model (or "
            + "the server's per-vendor-and-payment aggregates for real files).",
            E2eQueryScenarios::groupingSets),
        e2e("zone-join", "Joins trips with the zone lookup table and aggregates per borough; counts and fare sums "
            + "must equal the model's (or the server's per-zone) trip counts mapped through the zone model.",
            E2eQueryScenarios::zoneJoin));
  }

  static Scenario e2e(String name, String description, Scenario.ScenarioBody body) {
    return Scenario.of(ScenarioKind.E2E, name, description, body);
  }

  private static void datasetIntegrity(ScenarioContext context) {
    TaxiDataset taxi = context.taxi();
    SparkSession spark = context.session();
    DataFrame trips = spark.table(taxi.tripsTable());
    List<String> columns = Arrays.asList(trips.columns());
    Check.that(columns.containsAll(TaxiDatasets.REQUIRED_COLUMNS),
        () -> "trips table lacks columns: has " + columns);
    long count = Answers.of("dataset-integrity.count", trips.count());
    Check.equal("trips in the table", taxi.trips(), count);
    context.metric("trips", count);
    context.metric("generated", taxi.generated());
    Check.equal("zones in the lookup table", (long) TaxiTripModel.ZONES, spark.table(taxi.zonesTable()).count());
    if (!taxi.generated()) {
      return;
    }
    long[] expected = new long[COLUMN_CHECKS.length];
    expected[FIRST_PICKUP] = Long.MAX_VALUE;
    expected[LAST_DROPOFF] = Long.MIN_VALUE;
    boolean[] pickupZones = new boolean[TaxiTripModel.ZONES + 1];
    Map<Long, Long> byPayment = new HashMap<>();
    for (long id = 0; id < count; id++) {
      long[] row = TaxiTripModel.checkedValues(id);
      for (int i = 0; i < row.length; i++) {
        expected[i] = i == FIRST_PICKUP ? Math.min(expected[i], row[i])
            : i == LAST_DROPOFF ? Math.max(expected[i], row[i]) : expected[i] + row[i];
      }
      pickupZones[TaxiTripModel.pickupLocationId(id)] = true;
      byPayment.merge(TaxiTripModel.paymentType(id), 1L, Long::sum);
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < COLUMN_CHECKS.length; i++) {
      sql.append(COLUMN_CHECKS[i][1]).append(", ");
    }
    Row server = Answers.of("dataset-integrity.columns",
        spark.sql(sql + "count(DISTINCT PULocationID) FROM " + taxi.tripsTable()).first());
    for (int i = 0; i < COLUMN_CHECKS.length; i++) {
      Check.equal(COLUMN_CHECKS[i][0], expected[i], server.getLong(i));
    }
    long zones = 0;
    for (boolean seen : pickupZones) {
      zones += seen ? 1 : 0;
    }
    Check.equal("distinct pickup zones", zones, server.getLong(COLUMN_CHECKS.length));
    Map<Long, Long> serverPayments = new HashMap<>();
    for (Row row : Answers.of("dataset-integrity.payments", trips.groupBy("payment_type").count().collect())) {
      serverPayments.put(row.getLong(0), row.getLong(1));
    }
    Check.sameEntries("trips per payment type", byPayment, serverPayments);
  }

  private static void fullTable(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    Row row = context.session().table(context.taxi().tripsTable()).agg(count(lit(1)).alias("trips"),
        sum("fare_amount"), sum("total_amount"), avg("trip_distance"),
        io.sparkconnect.sql.functions.expr("unix_timestamp(min(tpep_pickup_datetime))"),
        io.sparkconnect.sql.functions.expr("unix_timestamp(max(tpep_pickup_datetime))")).first();
    row = Answers.of("full-table-aggregates.row", row);
    Check.equal("count", oracle.trips, row.getLong(0));
    Check.close("sum(fare_amount)", oracle.fareSum, row.getDouble(1), TOLERANCE);
    Check.close("sum(total_amount)", oracle.totalSum, row.getDouble(2), TOLERANCE);
    Check.close("avg(trip_distance)", oracle.distanceSum / oracle.distances, row.getDouble(3), TOLERANCE);
    Check.equal("first pickup", oracle.minPickupSecond, row.getLong(4));
    Check.equal("last pickup", oracle.maxPickupSecond, row.getLong(5));
    context.metric("trips", oracle.trips);
    context.metric("revenue", Math.round(oracle.totalSum * 100) / 100.0);
  }

  private static void statistics(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    String table = context.taxi().tripsTable();
    double[] ps = {0.25, 0.5, 0.9, 0.99};
    Row row = context.session().sql("SELECT percentile(fare_amount, array(0.25, 0.5, 0.9, 0.99)), "
        + "percentile_approx(fare_amount, array(0.25, 0.5, 0.9, 0.99), 10000), stddev_samp(fare_amount), "
        + "var_pop(fare_amount) FROM " + table).first();
    row = Answers.of("percentiles-and-stddev.row", row);
    List<Double> exact = row.getList(0);
    List<Double> approx = row.getList(1);
    long n = oracle.fareCount();
    for (int i = 0; i < ps.length; i++) {
      double p = ps[i];
      Check.close("percentile " + p, oracle.farePercentile(p), exact.get(i), TOLERANCE);
      long slack = (long) Math.ceil(n / 10000.0) + 1;
      long rank = (long) Math.ceil(p * n);
      double low = oracle.fareAtRank(rank - slack);
      double high = oracle.fareAtRank(rank + slack);
      double got = approx.get(i);
      Check.that(got >= low && got <= high, () -> "percentile_approx " + p + " = " + got
          + " lies outside the fares at ranks " + (rank - slack) + ".." + (rank + slack) + " [" + low + ", "
          + high + "]");
      context.metric("fareP" + Math.round(p * 100), exact.get(i));
    }
    Check.close("stddev_samp(fare_amount)", oracle.all.fareStddevSample(), row.getDouble(2), 1e-7);
    Check.close("var_pop(fare_amount)", oracle.all.fareVariancePopulation(), row.getDouble(3), 1e-7);
    List<Row> perPayment = context.session().table(table).groupBy("payment_type")
        .agg(io.sparkconnect.sql.functions.stddev_samp(col("fare_amount")),
            io.sparkconnect.sql.functions.var_pop(col("fare_amount")))
        .collect();
    perPayment = Answers.of("percentiles-and-stddev.per-payment", perPayment);
    Check.equal("payment types", oracle.byPayment.size(), perPayment.size());
    for (Row group : perPayment) {
      GroupStats expected = oracle.byPayment.get(TaxiOracle.asLong(group.get(0)));
      Check.that(expected != null, () -> "unexpected payment type " + group.get(0));
      boolean tooFew = expected.fares() < 2;
      Check.equal("stddev_samp is NULL for payment " + group.get(0) + " (" + expected.fares() + " fares)", tooFew,
          group.isNullAt(1));
      if (!tooFew) {
        Check.close("stddev_samp for payment " + group.get(0), expected.fareStddevSample(), group.getDouble(1), 1e-7);
      }
      Check.equal("var_pop is NULL for payment " + group.get(0), expected.fares() == 0, group.isNullAt(2));
      if (expected.fares() > 0) {
        Check.close("var_pop for payment " + group.get(0), expected.fareVariancePopulation(), group.getDouble(2),
            1e-7);
      }
    }
  }

  private static void groupingSets(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    String table = context.taxi().tripsTable();
    List<Row> sqlRows = Answers.of("grouping-sets.sql", context.session().sql("SELECT VendorID, payment_type, "
        + "grouping_id() AS level, count(*) AS trips, count(fare_amount) AS fared, sum(fare_amount) AS fares FROM "
        + table + " GROUP BY GROUPING SETS ((VendorID, payment_type), (VendorID), ())").collect());
    int expectedGroups = oracle.byVendorAndPayment.size() + oracle.byVendor.size() + 1;
    Check.equal("GROUPING SETS rows", expectedGroups, sqlRows.size());
    for (Row row : sqlRows) {
      checkGroup("GROUPING SETS", oracle, row, row.getLong(2));
    }
    List<Row> rollup = Answers.of("grouping-sets.rollup", context.session().table(table)
        .rollup("VendorID", "payment_type").agg(grouping_id().alias("level"), count(lit(1)).alias("trips"),
            count(col("fare_amount")).alias("fared"), sum("fare_amount").alias("fares")).collect());
    Check.equal("ROLLUP rows", expectedGroups, rollup.size());
    for (Row row : rollup) {
      checkGroup("ROLLUP", oracle, row, row.getLong(2));
    }
    context.metric("groups", expectedGroups);
  }

  /** Checks a row (vendor, payment, level, trips, non-NULL fares, fare sum) against the oracle's group. */
  private static void checkGroup(String how, TaxiOracle oracle, Row row, long level) {
    Long vendor = TaxiOracle.asLong(row.get(0));
    Long payment = TaxiOracle.asLong(row.get(1));
    GroupStats expected = level == 0 ? oracle.byVendorAndPayment.get(Arrays.asList(vendor, payment))
        : level == 1 ? oracle.byVendor.get(vendor) : level == 3 ? oracle.all : null;
    String group = how + " group " + (level == 3 ? "(all trips)" : "vendor " + vendor
        + (level == 0 ? ", payment " + payment : ""));
    Check.that(expected != null, () -> how + ": unexpected group " + row);
    Check.equal("trips in " + group, expected.trips, row.getLong(3));
    Check.equal("non-NULL fares in " + group, expected.fares(), row.getLong(4));
    Check.equal("fare sum is NULL in " + group, expected.fares() == 0, row.isNullAt(5));
    if (expected.fares() > 0) {
      Check.close("fare sum in " + group, expected.fareSum, row.getDouble(5), TOLERANCE);
    }
  }

  private static void zoneJoin(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    TaxiDataset taxi = context.taxi();
    SparkSession spark = context.session();
    Map<String, Long> expected = new HashMap<>();
    long unmatched = 0;
    for (Map.Entry<Long, Long> zone : oracle.tripsByPickupZone.entrySet()) {
      String borough = TaxiOracle.boroughOfZone(zone.getKey());
      if (borough == null) {
        unmatched += zone.getValue();
      } else {
        expected.merge(borough, zone.getValue(), Long::sum);
      }
    }
    DataFrame trips = spark.table(taxi.tripsTable());
    DataFrame zones = spark.table(taxi.zonesTable());
    List<Row> rows = Answers.of("zone-join.rows", trips.join(zones, trips.col("PULocationID")
        .equalTo(zones.col("LocationID"))).groupBy("Borough").agg(count(lit(1)).alias("trips")).collect());
    Map<String, Long> actual = new HashMap<>();
    for (Row row : rows) {
      actual.put(row.getString(0), row.getLong(1));
    }
    Check.sameEntries("trips per pickup borough", expected, actual);
    long antiJoined = Answers.of("zone-join.unmatched", trips.join(zones,
        trips.col("PULocationID").equalTo(zones.col("LocationID")), "left_anti").count());
    Check.equal("trips whose pickup zone is not in the lookup table", unmatched, antiJoined);
    context.metric("boroughs", actual.size());
  }
}
