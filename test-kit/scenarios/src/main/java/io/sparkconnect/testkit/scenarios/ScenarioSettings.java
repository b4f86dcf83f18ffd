package io.sparkconnect.testkit.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How scenarios run: the dataset's scale or a path to real taxi parquet files, the bounds of load scenarios
 * (duration, concurrency, operation count, rate) and their thresholds (error rate, p95 latency, throughput, heap).
 * Immutable; built with {@link #builder()}.
 */
public final class ScenarioSettings {
  /** Default run time of each load scenario. */
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(20);
  /** Default number of concurrent workers, sessions or connections in load scenarios. */
  public static final int DEFAULT_CONCURRENCY = 8;
  /** Default upper bound on the operations of one load scenario, whatever its duration. */
  public static final long DEFAULT_MAX_OPERATIONS = 1_000_000;
  /** Default scale: 0.1 is 100,000 trips. */
  public static final double DEFAULT_SCALE = 0.1;
  /** The largest scale: 10,000,000 trips. */
  public static final double MAX_SCALE = 10;
  /** Trips at scale 1. */
  public static final long TRIPS_PER_SCALE = 1_000_000;
  /** Default rows streamed by the memory-stress load scenario. */
  public static final long DEFAULT_LARGE_RESULT_ROWS = 20_000_000;
  /** Default p95 latency threshold of load scenarios running simple queries. */
  public static final Duration DEFAULT_MAX_P95 = Duration.ofSeconds(5);
  /** Default p95 latency threshold of heavy load scenarios: aggregations over the whole dataset, large reads. */
  public static final Duration DEFAULT_HEAVY_MAX_P95 = Duration.ofSeconds(30);
  /** Share of a requested rate a paced load scenario must reach unless a minimum throughput is given. */
  public static final double DEFAULT_MIN_THROUGHPUT_SHARE = 0.8;

  private final Duration duration;
  private final Duration warmup;
  private final int concurrency;
  private final long maxOperations;
  private final double targetRate;
  private final double ratePerClient;
  private final double maxErrorRate;
  private final Duration maxP95;
  private final double minThroughput;
  private final long maxHeapBytes;
  private final double scale;
  private final String dataPath;
  private final long largeResultRows;
  private final Path jfrFile;

  private ScenarioSettings(Builder builder) {
    this.duration = builder.duration;
    this.warmup = builder.warmup;
    this.concurrency = builder.concurrency;
    this.maxOperations = builder.maxOperations;
    this.targetRate = builder.targetRate;
    this.ratePerClient = builder.ratePerClient;
    this.maxErrorRate = builder.maxErrorRate;
    this.maxP95 = builder.maxP95;
    this.minThroughput = builder.minThroughput;
    this.maxHeapBytes = builder.maxHeapBytes;
    this.scale = builder.scale;
    this.dataPath = builder.dataPath;
    this.largeResultRows = builder.largeResultRows;
    this.jfrFile = builder.jfrFile;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings for a quick pass, as in CI: 2-second load scenarios, 4 workers, a 10,000-trip dataset. */
  public static ScenarioSettings shortRun() {
    return builder().duration(Duration.ofSeconds(2)).concurrency(4).scale(0.01).largeResultRows(500_000).build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.duration = duration;
    builder.warmup = warmup;
    builder.concurrency = concurrency;
    builder.maxOperations = maxOperations;
    builder.targetRate = targetRate;
    builder.ratePerClient = ratePerClient;
    builder.maxErrorRate = maxErrorRate;
    builder.maxP95 = maxP95;
    builder.minThroughput = minThroughput;
    builder.maxHeapBytes = maxHeapBytes;
    builder.scale = scale;
    builder.dataPath = dataPath;
    builder.largeResultRows = largeResultRows;
    builder.jfrFile = jfrFile;
    return builder;
  }

  /** How long each load scenario runs. */
  public Duration duration() {
    return duration;
  }

  /** How long each load scenario runs its operations before measuring; what happens then is not recorded. */
  public Duration warmup() {
    return warmup;
  }

  /** Concurrent workers, sessions or connections in load scenarios. */
  public int concurrency() {
    return concurrency;
  }

  /** Upper bound on the operations of one load scenario. */
  public long maxOperations() {
    return maxOperations;
  }

  /** Queries per second in total that every load scenario paces itself to, over all its clients; 0 if unset. */
  public double targetRate() {
    return targetRate;
  }

  /** Queries per second each client of a load scenario paces itself to; 0 if unset. */
  public double ratePerClient() {
    return ratePerClient;
  }

  /** Whether load scenarios are paced (open loop) rather than running operations back to back (closed loop). */
  public boolean paced() {
    return targetRate > 0 || ratePerClient > 0;
  }

  /** The total rate a load scenario with {@code clients} clients is paced to; 0 when it runs back to back. */
  public double totalRate(int clients) {
    return ratePerClient > 0 ? ratePerClient * clients : targetRate;
  }

  /** Share of failed operations a load scenario tolerates before it fails; 0 by default. */
  public double maxErrorRate() {
    return maxErrorRate;
  }

  /**
   * The p95 latency a load scenario must stay under; when unset each scenario uses its default,
   * {@link #DEFAULT_MAX_P95} or, for heavy ones, {@link #DEFAULT_HEAVY_MAX_P95}.
   */
  public Optional<Duration> maxP95() {
    return Optional.ofNullable(maxP95);
  }

  /**
   * The successful operations per second a load scenario must reach; when unset, {@value
   * #DEFAULT_MIN_THROUGHPUT_SHARE} of the requested rate if one was requested, else no minimum.
   */
  public OptionalDouble minThroughput() {
    return minThroughput > 0 ? OptionalDouble.of(minThroughput) : OptionalDouble.empty();
  }

  /** The minimum throughput for a scenario paced to {@code totalRate} (0 when unpaced); 0 when there is none. */
  public double minThroughputFor(double totalRate) {
    return minThroughput > 0 ? minThroughput : DEFAULT_MIN_THROUGHPUT_SHARE * totalRate;
  }

  /** The live client heap (after garbage collection) a load scenario must stay under, in bytes; 0 for no limit. */
  public long maxHeapBytes() {
    return maxHeapBytes;
  }

  /** Size of the generated dataset: {@value #TRIPS_PER_SCALE} trips per unit. */
  public double scale() {
    return scale;
  }

  /** Trips the generator writes at this scale. */
  public long tripCount() {
    return Math.max(1, Math.round(scale * TRIPS_PER_SCALE));
  }

  /** A server-side path to real NYC yellow taxi parquet files, used instead of the generated dataset. */
  public Optional<String> dataPath() {
    return Optional.ofNullable(dataPath);
  }

  /** Rows the memory-stress scenario streams. */
  public long largeResultRows() {
    return largeResultRows;
  }

  /** Where to write a Java Flight Recorder recording of the run, if anywhere. */
  public Optional<Path> jfrFile() {
    return Optional.ofNullable(jfrFile);
  }

  /** The settings that matter to scenarios of these kinds, as report entries: load bounds and the dataset. */
  public Map<String, Object> describe(Set<ScenarioKind> kinds) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (kinds.contains(ScenarioKind.LOAD)) {
      out.put("duration", duration.toString());
      out.put("warmup", warmup.toString());
      out.put("concurrency", concurrency);
      out.put("maxOperations", maxOperations);
      out.put("targetRate", targetRate);
      if (ratePerClient > 0) {
        out.put("ratePerClient", ratePerClient);
      }
      out.put("maxErrorRate", maxErrorRate);
      out.put("maxP95", maxP95 == null ? "default (" + DEFAULT_MAX_P95 + ", heavy " + DEFAULT_HEAVY_MAX_P95 + ")"
          : maxP95.toString());
      out.put("minThroughput", minThroughput > 0 ? Double.toString(minThroughput)
          : paced() ? DEFAULT_MIN_THROUGHPUT_SHARE + " of the rate" : "none");
      out.put("maxHeapBytes", maxHeapBytes);
      out.put("largeResultRows", largeResultRows);
      if (jfrFile != null) {
        out.put("jfr", jfrFile.toString());
      }
    }
    if (kinds.contains(ScenarioKind.LOAD) || kinds.contains(ScenarioKind.E2E)) {
      out.put("dataset", dataPath != null ? dataPath : "generated, scale " + scale + " (" + tripCount() + " trips)");
    }
    return out;
  }

  /** Builds {@link ScenarioSettings}; every setter checks its argument at once. */
  public static final class Builder {
    private Duration duration = DEFAULT_DURATION;
    private Duration warmup = Duration.ZERO;
    private int concurrency = DEFAULT_CONCURRENCY;
    private long maxOperations = DEFAULT_MAX_OPERATIONS;
    private double targetRate;
    private double ratePerClient;
    private double maxErrorRate;
    private Duration maxP95;
    private double minThroughput;
    private long maxHeapBytes;
    private double scale = DEFAULT_SCALE;
    private String dataPath;
    private long largeResultRows = DEFAULT_LARGE_RESULT_ROWS;
    private Path jfrFile;

    private Builder() {}

    /** Run time of each load scenario, from 1 second to 24 hours. */
    public Builder duration(Duration duration) {
      Objects.requireNonNull(duration, "duration");
      if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException("duration must be between 1 second and 24 hours, was " + duration);
      }
      this.duration = duration;
      return this;
    }

    /** Unrecorded run time before each load scenario's measured duration, from 0 to 1 hour; 0 by default. */
    public Builder warmup(Duration warmup) {
      Objects.requireNonNull(warmup, "warmup");
      if (warmup.isNegative() || warmup.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("warmup must be between 0 and 1 hour, was " + warmup);
      }
      this.warmup = warmup;
      return this;
    }

    /** Concurrent workers, from 1 to 256. */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 256) {
        throw new IllegalArgumentException("concurrency must be between 1 and 256, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /** Operations one load scenario may run, from 1 to {@value OperationTimings#MAX_RECORDED}. */
    public Builder maxOperations(long maxOperations) {
      if (maxOperations < 1 || maxOperations > OperationTimings.MAX_RECORDED) {
        throw new IllegalArgumentException("maxOperations must be between 1 and " + OperationTimings.MAX_RECORDED
            + ", was " + maxOperations);
      }
      this.maxOperations = maxOperations;
      return this;
    }

    /**
     * Queries per second in total, spread over each load scenario's clients (open loop); 0 runs operations back to
     * back. Not together with {@link #ratePerClient}.
     */
    public Builder targetRate(double queriesPerSecond) {
      this.targetRate = rate("targetRate", queriesPerSecond);
      return this;
    }

    /**
     * Queries per second for each client of a load scenario (open loop), so N clients run N times this rate; 0 runs
     * operations back to back. Not together with {@link #targetRate}.
     */
    public Builder ratePerClient(double queriesPerSecond) {
      this.ratePerClient = rate("ratePerClient", queriesPerSecond);
      return this;
    }

    private static double rate(String name, double queriesPerSecond) {
      if (!(queriesPerSecond >= 0) || queriesPerSecond > 1_000_000) {
        throw new IllegalArgumentException(name + " must be between 0 and 1,000,000 queries per second, was "
            + queriesPerSecond);
      }
      return queriesPerSecond;
    }

    /** The p95 latency every load scenario must stay under; null for each scenario's default. */
    public Builder maxP95(Duration maxP95) {
      if (maxP95 != null && (maxP95.isNegative() || maxP95.isZero())) {
        throw new IllegalArgumentException("maxP95 must be positive, was " + maxP95);
      }
      this.maxP95 = maxP95;
      return this;
    }

    /** Successful operations per second every load scenario must reach; 0 for the default. */
    public Builder minThroughput(double operationsPerSecond) {
      if (!(operationsPerSecond >= 0) || Double.isInfinite(operationsPerSecond)) {
        throw new IllegalArgumentException("minThroughput must be a non-negative number, was "
            + operationsPerSecond);
      }
      this.minThroughput = operationsPerSecond;
      return this;
    }

    /** The live client heap, in bytes, every load scenario must stay under; 0 for no limit. */
    public Builder maxHeapBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxHeapBytes must not be negative, was " + bytes);
      }
      this.maxHeapBytes = bytes;
      return this;
    }

    /** Tolerated share of failed operations, from 0 to 1. */
    public Builder maxErrorRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("maxErrorRate must be between 0 and 1, was " + rate);
      }
      this.maxErrorRate = rate;
      return this;
    }

    /**
     * Dataset scale, from 0.001 (1,000 trips) to {@value #MAX_SCALE}: the E2E oracle keeps every fare and
     * {@code large-collect} every trip in client memory.
     */
    public Builder scale(double scale) {
      if (!(scale >= 0.001 && scale <= MAX_SCALE)) {
        throw new IllegalArgumentException("scale must be between 0.001 and " + MAX_SCALE + ", was " + scale);
      }
      this.scale = scale;
      return this;
    }

    /** A path the server can read holding NYC yellow taxi parquet files; null to generate the dataset. */
    public Builder dataPath(String path) {
      if (path != null && path.isBlank()) {
        throw new IllegalArgumentException("dataPath must not be blank");
      }
      this.dataPath = path;
      return this;
    }

    public Builder largeResultRows(long rows) {
      if (rows < 1000) {
        throw new IllegalArgumentException("largeResultRows must be at least 1000, was " + rows);
      }
      this.largeResultRows = rows;
      return this;
    }

    /** Records the run with Java Flight Recorder into this file. */
    public Builder jfrFile(Path file) {
      this.jfrFile = file;
      return this;
    }

    /** @throws IllegalArgumentException when both a total rate and a rate per client are set */
    public ScenarioSettings build() {
      if (targetRate > 0 && ratePerClient > 0) {
        throw new IllegalArgumentException("targetRate (--rate) and ratePerClient (--rate-per-client) are "
            + "alternatives; set only one");
      }
      return new ScenarioSettings(this);
    }
  }
}
