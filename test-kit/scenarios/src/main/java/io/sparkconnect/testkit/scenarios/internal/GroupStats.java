package io.sparkconnect.testkit.scenarios.internal;

/** Count, sums and a running variance (Welford's method) of one group's fares and totals, built row by row. */
final class GroupStats {
  long trips;
  double fareSum;
  double totalSum;
  private long fares;
  private double fareMean;
  private double fareM2;

  void add(Double fare, Double total) {
    trips++;
    if (total != null) {
      totalSum += total;
    }
    if (fare != null) {
      fareSum += fare;
      fares++;
      double delta = fare - fareMean;
      fareMean += delta / fares;
      fareM2 += delta * (fare - fareMean);
    }
  }

  /** Fares that were not NULL. */
  long fares() {
    return fares;
  }

  /** Sample standard deviation of the fares, as Spark's {@code stddev_samp}; NaN for fewer than two. */
  double fareStddevSample() {
    return fares < 2 ? Double.NaN : Math.sqrt(fareM2 / (fares - 1));
  }

  /** Population variance of the fares, as Spark's {@code var_pop}. */
  double fareVariancePopulation() {
    return fares == 0 ? Double.NaN : fareM2 / fares;
  }
}
