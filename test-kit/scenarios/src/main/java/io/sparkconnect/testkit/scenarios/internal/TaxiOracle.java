package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.CloseableIterator;
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
 * The expected answers of the E2E scenarios, computed on the client from the raw trips streamed once: counts, sums,
 * exact percentiles, variances and per-group and per-day figures. Independent of the server's aggregation, so a
 * server result that equals the oracle's was computed right; it works the same for generated and real data.
 */
final class TaxiOracle {
  private static final String COLUMNS = "VendorID, payment_type, PULocationID, tpep_pickup_datetime, fare_amount,"
      + " total_amount, trip_distance";

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
  final Map<Long, TreeMap<LocalDate, Double>> dailyTotalByVendor = new HashMap<>();
  private double[] fares = new double[1024];
  private int fareCount;
  private boolean sorted;

  private TaxiOracle() {}

  /** The oracle of the run's dataset, computed once and shared by the scenarios. */
  static TaxiOracle of(ScenarioContext context) {
    TaxiDataset taxi = context.taxi();
    return context.shared("taxi-oracle", () -> compute(context.session(), taxi, context));
  }

  private static TaxiOracle compute(SparkSession spark, TaxiDataset taxi, ScenarioContext context) {
    long start = System.nanoTime();
    TaxiOracle oracle = new TaxiOracle();
    try (CloseableIterator<Row> rows = spark.sql("SELECT " + COLUMNS + " FROM " + taxi.tripsTable())
        .toLocalIterator()) {
      while (rows.hasNext()) {
        oracle.add(rows.next());
      }
    }
    context.progress(String.format("Oracle computed from %d streamed trips in %.1f s", oracle.trips,
        (System.nanoTime() - start) / 1e9));
    return oracle;
  }

  private void add(Row row) {
    Long vendor = asLong(row.get(0));
    Long payment = asLong(row.get(1));
    Long zone = asLong(row.get(2));
    Object pickup = row.get(3);
    Double fare = (Double) row.get(4);
    Double total = (Double) row.get(5);
    Double distance = (Double) row.get(6);
    trips++;
    if (fare != null) {
      fareSum += fare;
      if (fareCount == fares.length) {
        fares = Arrays.copyOf(fares, fareCount * 2);
      }
      fares[fareCount++] = fare;
    }
    if (total != null) {
      totalSum += total;
    }
    if (distance != null) {
      distanceSum += distance;
      distances++;
    }
    all.add(fare, total);
    byVendor.computeIfAbsent(vendor, k -> new GroupStats()).add(fare, total);
    byPayment.computeIfAbsent(payment, k -> new GroupStats()).add(fare, total);
    byVendorAndPayment.computeIfAbsent(Arrays.asList(vendor, payment), k -> new GroupStats()).add(fare, total);
    tripsByPickupZone.merge(zone, 1L, Long::sum);
    if (pickup != null) {
      long second = epochSecond(pickup);
      minPickupSecond = Math.min(minPickupSecond, second);
      maxPickupSecond = Math.max(maxPickupSecond, second);
      if (total != null) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400));
        dailyTotalByVendor.computeIfAbsent(vendor, k -> new TreeMap<>()).merge(day, total, Double::sum);
      }
    }
  }

  /** The zone lookup table read from the server: pickup and dropoff zone ids to their borough. */
  static Map<Long, String> boroughOfZone(SparkSession spark, TaxiDataset taxi) {
    Map<Long, String> boroughs = new HashMap<>();
    for (Row zone : spark.table(taxi.zonesTable()).select("LocationID", "Borough").collect()) {
      boroughs.put(asLong(zone.get(0)), zone.getString(1));
    }
    return boroughs;
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

  /** The exact percentile of the fares as Spark's {@code percentile} computes it: linear between closest ranks. */
  synchronized double farePercentile(double p) {
    if (!sorted) {
      fares = Arrays.copyOf(fares, fareCount);
      Arrays.sort(fares);
      sorted = true;
    }
    double position = (fareCount - 1) * p;
    int lower = (int) Math.floor(position);
    int higher = (int) Math.ceil(position);
    if (lower == higher) {
      return fares[lower];
    }
    return (higher - position) * fares[lower] + (position - lower) * fares[higher];
  }

  /** The fare with this nearest rank (1-based), for checking approximate percentiles. */
  synchronized double fareAtRank(long rank) {
    farePercentile(0);
    return fares[(int) Math.max(0, Math.min(fareCount - 1, rank - 1))];
  }

  int fareCount() {
    return fareCount;
  }
}
