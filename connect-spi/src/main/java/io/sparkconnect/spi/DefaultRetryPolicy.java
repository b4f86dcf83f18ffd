package io.sparkconnect.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The built-in retry policy, with the numbers of Spark's own clients: retries {@code UNAVAILABLE}, {@code
 * INTERNAL} with {@code INVALID_CURSOR.DISCONNECTED}, and any failure carrying a server retry delay; waits 50 ms,
 * then four times longer each time up to 60 s, honouring the server's delay up to 10 minutes, with up to 500 ms
 * of jitter on waits of 2 s or more; gives up after 15 retries. Never retries a semantic error. Immutable.
 */
public final class DefaultRetryPolicy implements RetryPolicy {
  public static final String NAME = "default";

  private final int maxRetries;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final Duration jitter;
  private final Duration minJitterThreshold;
  private final Duration maxServerRetryDelay;
  private final DoubleSupplier random;

  private DefaultRetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.multiplier = builder.multiplier;
    this.maxBackoff = builder.maxBackoff;
    this.jitter = builder.jitter;
    this.minJitterThreshold = builder.minJitterThreshold;
    this.maxServerRetryDelay = builder.maxServerRetryDelay;
    this.random = builder.random;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Whether the failure is worth another attempt at all, regardless of how many were made. */
  public static boolean isRetriable(Failure failure) {
    if (failure.isSemantic()) {
      return false;
    }
    switch (failure.statusCode()) {
      case "UNAVAILABLE":
      case Failure.STREAM_ENDED:
        return true;
      case "INTERNAL":
        return failure.mentions(ErrorConditions.CURSOR_DISCONNECTED) || failure.serverRetryDelay().isPresent();
      default:
        return failure.serverRetryDelay().isPresent();
    }
  }

  @Override
  public RetryDecision decide(Failure failure, int retriesSoFar, Duration elapsed) {
    if (!isRetriable(failure)) {
      return RetryDecision.giveUp(failure.statusCode() + " is not retriable: " + failure.message());
    }
    if (retriesSoFar >= maxRetries) {
      return RetryDecision.giveUp("gave up after " + retriesSoFar + " retries over " + elapsed.toMillis()
          + " ms; the last failure was " + failure);
    }
    return RetryDecision.retryAfter(delay(retriesSoFar, failure));
  }

  /** The wait before retry number {@code retriesSoFar + 1}. */
  Duration delay(int retriesSoFar, Failure failure) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, retriesSoFar);
    long wait = (long) Math.min(millis, maxBackoff.toMillis());
    if (failure.serverRetryDelay().isPresent()) {
      long server = Math.min(failure.serverRetryDelay().get().toMillis(), maxServerRetryDelay.toMillis());
      wait = Math.max(wait, server);
    }
    if (wait >= minJitterThreshold.toMillis()) {
      wait += (long) (random.getAsDouble() * jitter.toMillis());
    }
    return Duration.ofMillis(wait);
  }

  @Override
  public String toString() {
    return "DefaultRetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", multiplier="
        + multiplier + ", maxBackoff=" + maxBackoff + "}";
  }

  /** Builds a {@link DefaultRetryPolicy}; every setting defaults to the reference clients' value. */
  public static final class Builder {
    private int maxRetries = 15;
    private Duration initialBackoff = Duration.ofMillis(50);
    private double multiplier = 4.0;
    private Duration maxBackoff = Duration.ofMinutes(1);
    private Duration jitter = Duration.ofMillis(500);
    private Duration minJitterThreshold = Duration.ofSeconds(2);
    private Duration maxServerRetryDelay = Duration.ofMinutes(10);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /** The most random time added to a wait of at least {@link #minJitterThreshold(Duration)}. */
    public Builder jitter(Duration jitter) {
      Objects.requireNonNull(jitter, "jitter");
      if (jitter.isNegative()) {
        throw new IllegalArgumentException("jitter must not be negative, got " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public Builder minJitterThreshold(Duration threshold) {
      this.minJitterThreshold = Objects.requireNonNull(threshold, "minJitterThreshold");
      return this;
    }

    /** The longest server-requested delay honoured. */
    public Builder maxServerRetryDelay(Duration delay) {
      this.maxServerRetryDelay = positive(delay, "maxServerRetryDelay");
      return this;
    }

    /** The source of jitter, uniform in [0, 1); replace it to make tests deterministic. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public DefaultRetryPolicy build() {
      return new DefaultRetryPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }

  /** Registers the policy as {@value DefaultRetryPolicy#NAME}. */
  public static final class Provider implements RetryPolicyProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public RetryPolicy create() {
      return builder().build();
    }
  }
}
