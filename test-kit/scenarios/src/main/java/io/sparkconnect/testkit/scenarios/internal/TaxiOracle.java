package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.scenarios.ScenarioContext;
import io.sparkconnect.testkit.scenarios.TaxiDataset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected answers of the E2E scenarios: counts, sums, fare distributions (for exact percentiles and variances),
 * per-group, per-zone and per-day figures. For the generated dataset they come from the generator's model computed
 * in Java, without the server; for real files from a few coarse aggregates the server computes over the table
 * (grouped differently from what the scenarios ask), never from raw trips decoded by the client.
 */
final class TaxiOracle {
  long trips;
  double fareSum;
  double totalSum;
  double distanceSum;
  long distances;
  long minPickupSecond = Long.MAX_VALUE;
  long maxPickupSecond = Long.MIN_VALUE;
  final GroupStats all = new GroupStats();
  final Map<Long, GroupStats> byVendor = new HashMap<>();
  final Map<Long, GroupStats> byPayment = new HashMap<>();
  final Map<List<Long>, GroupStats> byVendorAndPayment = new HashMap<>();
  final Map<Long, Long> tripsByPickupZone = new HashMap<>();
  /** Trips longer than {@value #LONG_TRIP_MILES} miles per pickup zone. */
  final Map<Long, Long> longTripsByPickupZone = new HashMap<>();
  final Map<Long, TreeMap<LocalDate, Double>> dailyTotalByVendor = new HashMap<>();
  static final double LONG_TRIP_MILES = 10;

  private TaxiOracle() {}

  /** The oracle of the run's dataset, computed once and shared by the scenarios. */
  static TaxiOracle of(ScenarioContext context) {
    TaxiDataset taxi = context.taxi();
    return context.shared("taxi-oracle", () -> {
      long start = System.nanoTime();
      TaxiOracle oracle = taxi.generated() ? fromModel(taxi.trips()) : fromServer(context.session(), taxi);
      context.progress(String.format("Expected values of %d trips computed %s in %.1f s", oracle.trips,
          taxi.generated() ? "from the generator's model" : "from server aggregates",
          (System.nanoTime() - start) / 1e9));
      return oracle;
    });
  }

  /** The expected values of the generated dataset of {@code trips} trips, from the model alone. */
  static TaxiOracle fromModel(long trips) {
    TaxiOracle oracle = new TaxiOracle();
    for (long id = 0; id < trips; id++) {
      long vendor = TaxiTripModel.vendorId(id);
      long payment = TaxiTripModel.paymentType(id);
      Double fare = TaxiTripModel.fareAmount(id);
      Double total = TaxiTripModel.totalAmount(id);
      oracle.trips++;
      oracle.fareSum += fare == null ? 0 : fare;
      oracle.totalSum += total == null ? 0 : total;
      oracle.distanceSum += TaxiTripModel.tripDistance(id);
      oracle.distances++;
      oracle.all.add(fare, total);
      oracle.byVendor.computeIfAbsent(vendor, k -> new GroupStats()).add(fare, total);
      oracle.byPayment.computeIfAbsent(payment, k -> new GroupStats()).add(fare, total);
      oracle.byVendorAndPayment.computeIfAbsent(Arrays.asList(vendor, payment), k -> new GroupStats())
          .add(fare, total);
      long zone = TaxiTripModel.pickupLocationId(id);
      oracle.tripsByPickupZone.merge(zone, 1L, Long::sum);
      if (TaxiTripModel.tripDistance(id) > LONG_TRIP_MILES) {
        oracle.longTripsByPickupZone.merge(zone, 1L, Long::sum);
      }
      long second = TaxiTripModel.pickupEpochSecond(id);
      oracle.minPickupSecond = Math.min(oracle.minPickupSecond, second);
      oracle.maxPickupSecond = Math.max(oracle.maxPickupSecond, second);
      if (total != null) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400));
        oracle.dailyTotalByVendor.computeIfAbsent(vendor, k -> new TreeMap<>()).merge(day, total, Double::sum);
      }
    }
    return oracle;
  }

  private static TaxiOracle fromServer(SparkSession spark, TaxiDataset taxi) {
    TaxiOracle oracle = new TaxiOracle();
    String table = taxi.tripsTable();
    for (Row row : spark.sql("SELECT VendorID, payment_type, count(*), count(fare_amount), "
        + "coalesce(sum(fare_amount), 0D), coalesce(sum(total_amount), 0D), count(trip_distance), "
        + "coalesce(sum(trip_distance), 0D), unix_timestamp(min(tpep_pickup_datetime)), "
        + "unix_timestamp(max(tpep_pickup_datetime)) FROM " + table + " GROUP BY VendorID, payment_type")
        .collect()) {
      Long vendor = asLong(row.get(0));
      Long payment = asLong(row.get(1));
      long trips = row.getLong(2);
      long fares = row.getLong(3);
      double fareSum = row.getDouble(4);
      double totalSum = row.getDouble(5);
      oracle.trips += trips;
      oracle.fareSum += fareSum;
      oracle.totalSum += totalSum;
      oracle.distances += row.getLong(6);
      oracle.distanceSum += row.getDouble(7);
      if (!row.isNullAt(8)) {
        oracle.minPickupSecond = Math.min(oracle.minPickupSecond, row.getLong(8));
        oracle.maxPickupSecond = Math.max(oracle.maxPickupSecond, row.getLong(9));
      }
      oracle.all.addAggregate(trips, fares, fareSum, totalSum);
      oracle.byVendor.computeIfAbsent(vendor, k -> new GroupStats()).addAggregate(trips, fares, fareSum, totalSum);
      oracle.byPayment.computeIfAbsent(payment, k -> new GroupStats()).addAggregate(trips, fares, fareSum, totalSum);
      oracle.byVendorAndPayment.computeIfAbsent(Arrays.asList(vendor, payment), k -> new GroupStats())
          .addAggregate(trips, fares, fareSum, totalSum);
    }
    for (Row row : spark.sql("SELECT payment_type, fare_amount, count(*) FROM " + table
        + " WHERE fare_amount IS NOT NULL GROUP BY payment_type, fare_amount").collect()) {
      oracle.byPayment.get(asLong(row.get(0))).addFares(row.getDouble(1), row.getLong(2));
      oracle.all.addFares(row.getDouble(1), row.getLong(2));
    }
    for (Row row : spark.sql("SELECT PULocationID, count(*), count_if(trip_distance > " + LONG_TRIP_MILES
        + ") FROM " + table + " GROUP BY PULocationID").collect()) {
      oracle.tripsByPickupZone.put(asLong(row.get(0)), row.getLong(1));
      if (row.getLong(2) > 0) {
        oracle.longTripsByPickupZone.put(asLong(row.get(0)), row.getLong(2));
      }
    }
    for (Row row : spark.sql("SELECT VendorID, to_date(tpep_pickup_datetime), sum(total_amount) FROM " + table
        + " WHERE tpep_pickup_datetime IS NOT NULL AND total_amount IS NOT NULL GROUP BY 1, 2").collect()) {
      oracle.dailyTotalByVendor.computeIfAbsent(asLong(row.get(0)), k -> new TreeMap<>())
          .put(row.getDate(1), row.getDouble(2));
    }
    return oracle;
  }

  /** The borough of a zone of the generated lookup table, or null for an id outside it. */
  static String boroughOfZone(Long zone) {
    return zone == null || zone < 1 || zone > TaxiTripModel.ZONES ? null : TaxiZoneModel.borough(zone);
  }

  static Long asLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  /** Seconds since the epoch of a TIMESTAMP (an Instant) or a TIMESTAMP_NTZ (a LocalDateTime, read as UTC). */
  static long epochSecond(Object timestamp) {
    if (timestamp instanceof Instant) {
      return ((Instant) timestamp).getEpochSecond();
    }
    return ((LocalDateTime) timestamp).toEpochSecond(ZoneOffset.UTC);
  }

  double farePercentile(double p) {
    return all.farePercentile(p);
  }

  double fareAtRank(long rank) {
    return all.fareAtRank(rank);
  }

  long fareCount() {
    return all.fares();
  }
}
