package io.sparkconnect.testkit.scenarios.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * One group's trips, fare and total sums, and (where known) how often each fare occurs, from which its exact
 * percentiles and variances follow. NULL fares and totals count as trips but not as fares or in the sums.
 */
final class GroupStats {
  long trips;
  long fares;
  double fareSum;
  double totalSum;
  private final TreeMap<Double, Long> fareCounts = new TreeMap<>();
  private double[] distinctFares;
  private long[] faresUpTo;

  /** Adds one trip of the generator's model. */
  void add(Double fare, Double total) {
    trips++;
    if (total != null) {
      totalSum += total;
    }
    if (fare != null) {
      fares++;
      fareSum += fare;
      fareCounts.merge(fare, 1L, Long::sum);
    }
  }

  /** Adds a server aggregate of trips: their count, non-NULL fares, and sums. */
  void addAggregate(long trips, long fares, double fareSum, double totalSum) {
    this.trips += trips;
    this.fares += fares;
    this.fareSum += fareSum;
    this.totalSum += totalSum;
  }

  /** Records that {@code count} trips of the group have this fare. */
  synchronized void addFares(double fare, long count) {
    fareCounts.merge(fare, count, Long::sum);
    distinctFares = null;
  }

  long fares() {
    return fares;
  }

  /** Sample standard deviation of the fares, as Spark's {@code stddev_samp}; NaN for fewer than two. */
  synchronized double fareStddevSample() {
    long n = counted();
    return n < 2 ? Double.NaN : Math.sqrt(squaredDeviations() / (n - 1));
  }

  /** Population variance of the fares, as Spark's {@code var_pop}; NaN without fares. */
  synchronized double fareVariancePopulation() {
    long n = counted();
    return n == 0 ? Double.NaN : squaredDeviations() / n;
  }

  private long counted() {
    return fareCounts.values().stream().mapToLong(Long::longValue).sum();
  }

  private double squaredDeviations() {
    long n = counted();
    double mean = 0;
    for (Map.Entry<Double, Long> fare : fareCounts.entrySet()) {
      mean += fare.getKey() * fare.getValue() / n;
    }
    double sum = 0;
    for (Map.Entry<Double, Long> fare : fareCounts.entrySet()) {
      double deviation = fare.getKey() - mean;
      sum += deviation * deviation * fare.getValue();
    }
    return sum;
  }

  /** The exact percentile of the fares as Spark's {@code percentile} computes it: linear between closest ranks. */
  synchronized double farePercentile(double p) {
    double position = (counted() - 1) * p;
    long lower = (long) Math.floor(position);
    long higher = (long) Math.ceil(position);
    if (lower == higher) {
      return fareAt(lower);
    }
    return (higher - position) * fareAt(lower) + (position - lower) * fareAt(higher);
  }

  /** The fare with this nearest rank (1-based, clamped to the fares), for checking approximate percentiles. */
  synchronized double fareAtRank(long rank) {
    return fareAt(Math.max(0, Math.min(counted() - 1, rank - 1)));
  }

  /** Fares strictly above {@code limit}. */
  synchronized long faresAbove(double limit) {
    return fareCounts.tailMap(limit, false).values().stream().mapToLong(Long::longValue).sum();
  }

  private double fareAt(long index) {
    if (distinctFares == null) {
      distinctFares = new double[fareCounts.size()];
      faresUpTo = new long[fareCounts.size()];
      int i = 0;
      long cumulative = 0;
      for (Map.Entry<Double, Long> fare : fareCounts.entrySet()) {
        cumulative += fare.getValue();
        distinctFares[i] = fare.getKey();
        faresUpTo[i++] = cumulative;
      }
    }
    for (int i = 0; i < faresUpTo.length; i++) {
      if (index < faresUpTo[i]) {
        return distinctFares[i];
      }
    }
    throw new IllegalStateException("No fare at index " + index + " of " + counted());
  }
}
