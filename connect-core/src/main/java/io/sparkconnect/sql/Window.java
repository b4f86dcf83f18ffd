package io.sparkconnect.sql;

/**
 * Builds window specifications for window functions, as {@code Window.partitionBy("k").orderBy("t")}. The frame
 * bounds {@link #unboundedPreceding}, {@link #unboundedFollowing} and {@link #currentRow} are the usual markers.
 */
public final class Window {
  public static final long unboundedPreceding = Long.MIN_VALUE;
  public static final long unboundedFollowing = Long.MAX_VALUE;
  public static final long currentRow = 0;

  private Window() {}

  static WindowSpec spec() {
    return new WindowSpec(java.util.List.of(), java.util.List.of(), null);
  }

  public static WindowSpec partitionBy(String... columns) {
    return spec().partitionBy(columns);
  }

  public static WindowSpec partitionBy(Column... columns) {
    return spec().partitionBy(columns);
  }

  public static WindowSpec orderBy(String... columns) {
    return spec().orderBy(columns);
  }

  public static WindowSpec orderBy(Column... columns) {
    return spec().orderBy(columns);
  }

  public static WindowSpec rowsBetween(long start, long end) {
    return spec().rowsBetween(start, end);
  }

  public static WindowSpec rangeBetween(long start, long end) {
    return spec().rangeBetween(start, end);
  }
}
