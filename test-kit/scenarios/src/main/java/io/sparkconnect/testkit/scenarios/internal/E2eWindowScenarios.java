package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.lit;
import static io.sparkconnect.sql.functions.rank;
import static io.sparkconnect.sql.functions.row_number;
import static io.sparkconnect.sql.functions.sum;
import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.TOLERANCE;
import static io.sparkconnect.testkit.scenarios.internal.E2eQueryScenarios.e2e;

import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.Window;
import io.sparkconnect.sql.WindowSpec;
import io.sparkconnect.testkit.scenarios.Check;
import io.sparkconnect.testkit.scenarios.Scenario;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** E2E scenarios for window functions: ranks within boroughs, running totals, and lag/lead over daily revenue. */
final class E2eWindowScenarios {
  private static final String DAILY_REVENUE = "SELECT VendorID, to_date(tpep_pickup_datetime) AS day, "
      + "sum(total_amount) AS revenue FROM %s WHERE tpep_pickup_datetime IS NOT NULL AND total_amount IS NOT NULL "
      + "GROUP BY VendorID, to_date(tpep_pickup_datetime)";

  private E2eWindowScenarios() {}

  static List<Scenario> all() {
    return List.of(
        e2e("window-rank", "Ranks pickup zones by trips within each borough with rank() and row_number() over a "
            + "window; every zone's count and rank must equal the ranking with ties of the model's trips per zone "
            + "(the server's per-zone counts for real files) mapped through the zone model.",
            E2eWindowScenarios::rankZones),
        e2e("window-running-total", "Computes daily revenue per vendor and its running total with a window frame "
            + "(unbounded preceding to current row); every day must equal the cumulative sums, computed in Java, of "
            + "the model's daily revenue (the server's per-vendor-and-day sums for real files).",
            E2eWindowScenarios::runningTotal),
        e2e("window-lag-lead", "Computes the previous and next day's revenue per vendor with lag and lead in SQL; "
            + "each must equal the neighbouring days of the model's daily revenue (the server's per-vendor-and-day "
            + "sums for real files), NULL at the edges.", E2eWindowScenarios::lagLead));
  }

  private static void rankZones(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    TaxiDataset taxi = context.taxi();
    SparkSession spark = context.session();
    Map<String, List<Long>> countsByBorough = new HashMap<>();
    Map<Long, Long> expectedRank = new HashMap<>();
    oracle.tripsByPickupZone.forEach((zone, trips) -> {
      String borough = TaxiOracle.boroughOfZone(zone);
      if (borough != null) {
        countsByBorough.computeIfAbsent(borough, b -> new ArrayList<>()).add(trips);
      }
    });
    oracle.tripsByPickupZone.forEach((zone, trips) -> {
      String borough = TaxiOracle.boroughOfZone(zone);
      if (borough != null) {
        expectedRank.put(zone, 1 + countsByBorough.get(borough).stream().filter(c -> c > trips).count());
      }
    });
    DataFrame trips = spark.table(taxi.tripsTable());
    DataFrame zones = spark.table(taxi.zonesTable());
    WindowSpec byBorough = Window.partitionBy("Borough").orderBy(col("trips").desc());
    List<Row> rows = Answers.of("window-rank.rows", trips.join(zones,
        trips.col("PULocationID").equalTo(zones.col("LocationID")))
        .groupBy("Borough", "LocationID").agg(count(lit(1)).alias("trips"))
        .withColumn("rank", rank().over(byBorough))
        .withColumn("position", row_number().over(byBorough))
        .collect());
    Check.equal("ranked zones", expectedRank.size(), rows.size());
    Map<String, Long> positions = new HashMap<>();
    for (Row row : rows) {
      long zone = TaxiOracle.asLong(row.get(1));
      Check.equal("borough of zone " + zone, TaxiOracle.boroughOfZone(zone), row.getString(0));
      Check.equal("trips from zone " + zone, oracle.tripsByPickupZone.get(zone), row.getLong(2));
      Check.equal("rank of zone " + zone + " in " + row.getString(0), expectedRank.get(zone),
          (long) row.getInt(3));
      positions.merge(row.getString(0), (long) row.getInt(4), Math::max);
    }
    countsByBorough.forEach((borough, counts) -> Check.equal("last row_number in " + borough,
        (long) counts.size(), positions.get(borough)));
    context.metric("rankedZones", rows.size());
  }

  private static void runningTotal(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    DataFrame daily = context.session().sql(String.format(DAILY_REVENUE, context.taxi().tripsTable()));
    WindowSpec upToToday = Window.partitionBy("VendorID").orderBy("day")
        .rowsBetween(Window.unboundedPreceding, Window.currentRow);
    List<Row> rows = Answers.of("window-running-total.rows",
        daily.withColumn("running", sum("revenue").over(upToToday)).collect());
    int expectedRows = oracle.dailyTotalByVendor.values().stream().mapToInt(Map::size).sum();
    Check.equal("vendor-days", expectedRows, rows.size());
    Map<Long, Map<LocalDate, Double>> running = new HashMap<>();
    oracle.dailyTotalByVendor.forEach((vendor, days) -> {
      double total = 0;
      Map<LocalDate, Double> sums = new HashMap<>();
      for (Map.Entry<LocalDate, Double> day : days.entrySet()) {
        total += day.getValue();
        sums.put(day.getKey(), total);
      }
      running.put(vendor, sums);
    });
    for (Row row : rows) {
      Long vendor = TaxiOracle.asLong(row.get(0));
      LocalDate day = row.getDate(1);
      Check.close("revenue of vendor " + vendor + " on " + day, oracle.dailyTotalByVendor.get(vendor).get(day),
          row.getDouble(2), TOLERANCE);
      Check.close("running total of vendor " + vendor + " on " + day, running.get(vendor).get(day),
          row.getDouble(3), TOLERANCE);
    }
    context.metric("vendorDays", rows.size());
  }

  private static void lagLead(ScenarioContext context) {
    TaxiOracle oracle = TaxiOracle.of(context);
    List<Row> rows = context.session().sql("SELECT VendorID, day, revenue, "
        + "lag(revenue, 1) OVER (PARTITION BY VendorID ORDER BY day) AS previous, "
        + "lead(revenue, 1) OVER (PARTITION BY VendorID ORDER BY day) AS next FROM ("
        + String.format(DAILY_REVENUE, context.taxi().tripsTable()) + ")").collect();
    rows = Answers.of("window-lag-lead.rows", rows);
    int expectedRows = oracle.dailyTotalByVendor.values().stream().mapToInt(Map::size).sum();
    Check.equal("vendor-days", expectedRows, rows.size());
    for (Row row : rows) {
      Long vendor = TaxiOracle.asLong(row.get(0));
      LocalDate day = row.getDate(1);
      TreeMap<LocalDate, Double> days = oracle.dailyTotalByVendor.get(vendor);
      checkNeighbour("previous day of vendor " + vendor + " on " + day, days.lowerEntry(day), row, 3);
      checkNeighbour("next day of vendor " + vendor + " on " + day, days.higherEntry(day), row, 4);
    }
    context.metric("vendorDays", rows.size());
  }

  private static void checkNeighbour(String what, Map.Entry<LocalDate, Double> expected, Row row, int index) {
    if (expected == null) {
      Check.that(row.isNullAt(index), () -> what + ": expected NULL but was " + row.get(index));
    } else {
      Check.that(!row.isNullAt(index), () -> what + ": expected " + expected.getValue() + " but was NULL");
      Check.close(what, expected.getValue(), row.getDouble(index), TOLERANCE);
    }
  }
}
