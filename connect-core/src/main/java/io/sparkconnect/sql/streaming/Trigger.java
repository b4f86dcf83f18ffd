package io.sparkconnect.sql.streaming;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a streaming query runs its next batch, as given to {@code DataStreamWriter.trigger(...)}: at a fixed
 * interval, once, for all available data then stop, or continuously. Immutable.
 */
public final class Trigger {
  /** The kinds of trigger Spark has. */
  public enum Type {
    /** Micro-batches at a fixed interval; an interval of zero runs them back to back (Spark's default). */
    PROCESSING_TIME,
    /** One micro-batch with what is available, then the query stops (deprecated in Spark for AVAILABLE_NOW). */
    ONCE,
    /** Every available row, in as many micro-batches as the source limits allow, then the query stops. */
    AVAILABLE_NOW,
    /** Continuous processing, checkpointing at the given interval (few sources and sinks support it). */
    CONTINUOUS
  }

  private final Type type;
  private final String interval;

  private Trigger(Type type, String interval) {
    this.type = type;
    this.interval = interval;
  }

  /** Micro-batches every {@code interval}, such as {@code "10 seconds"}; {@code "0 seconds"} runs them back to back. */
  public static Trigger processingTime(String interval) {
    return new Trigger(Type.PROCESSING_TIME, requireInterval(interval));
  }

  /** Micro-batches every {@code interval}; zero runs them back to back. */
  public static Trigger processingTime(Duration interval) {
    return new Trigger(Type.PROCESSING_TIME, milliseconds(interval));
  }

  /** One micro-batch with what is available, then the query stops. */
  public static Trigger once() {
    return new Trigger(Type.ONCE, null);
  }

  /** Everything available when the query starts, possibly in several micro-batches, then the query stops. */
  public static Trigger availableNow() {
    return new Trigger(Type.AVAILABLE_NOW, null);
  }

  /** Continuous processing that checkpoints every {@code interval}, such as {@code "1 second"}. */
  public static Trigger continuous(String interval) {
    return new Trigger(Type.CONTINUOUS, requireInterval(interval));
  }

  /** Continuous processing that checkpoints every {@code interval}. */
  public static Trigger continuous(Duration interval) {
    return new Trigger(Type.CONTINUOUS, milliseconds(interval));
  }

  /** Which kind of trigger this is. */
  public Type type() {
    return type;
  }

  /** The interval as Spark reads it (such as {@code "10 seconds"}), for processing-time and continuous triggers. */
  public Optional<String> interval() {
    return Optional.ofNullable(interval);
  }

  private static String requireInterval(String interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isBlank()) {
      throw new IllegalArgumentException("interval must not be empty; give one such as \"10 seconds\"");
    }
    return interval.trim();
  }

  private static String milliseconds(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, got " + interval);
    }
    return interval.toMillis() + " milliseconds";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Trigger && ((Trigger) other).type == type
        && Objects.equals(((Trigger) other).interval, interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, interval);
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(Locale.ROOT) + (interval == null ? "" : "(" + interval + ")");
  }
}
