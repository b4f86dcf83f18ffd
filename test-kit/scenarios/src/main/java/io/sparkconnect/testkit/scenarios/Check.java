package io.sparkconnect.testkit.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/** The assertions scenarios make; each failure names what was checked, the expected value and the actual one. */
public final class Check {
  private static final int DIFFERENCES_NAMED = 5;

  private Check() {}

  /** Fails with the message unless the condition holds. */
  public static void that(boolean condition, Supplier<String> message) {
    if (!condition) {
      throw new ScenarioFailedException(message.get());
    }
  }

  /** Fails unless {@code actual} equals {@code expected}. */
  public static void equal(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new ScenarioFailedException(what + ": expected " + expected + " but was " + actual);
    }
  }

  /**
   * Fails unless the two maps hold the same entries, naming the keys whose values differ, are missing or are
   * unexpected (the first {@value #DIFFERENCES_NAMED} of them) rather than printing both maps whole.
   */
  public static <K, V> void sameEntries(String what, Map<K, V> expected, Map<K, V> actual) {
    if (Objects.equals(expected, actual)) {
      return;
    }
    Set<K> keys = new LinkedHashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (K key : keys) {
      if (!Objects.equals(expected.get(key), actual.get(key)) || expected.containsKey(key) != actual.containsKey(key)) {
        differences.add(key + ": expected " + (expected.containsKey(key) ? expected.get(key) : "no entry")
            + " but was " + (actual.containsKey(key) ? actual.get(key) : "no entry"));
      }
    }
    throw new ScenarioFailedException(what + " differ in " + differences.size() + " of " + keys.size() + " keys: "
        + String.join("; ", differences.subList(0, Math.min(DIFFERENCES_NAMED, differences.size())))
        + (differences.size() > DIFFERENCES_NAMED ? "; ..." : ""));
  }

  /**
   * Fails unless the two numbers agree within a relative tolerance (and 1e-9 absolute, for values near zero); NaN
   * agrees only with NaN.
   */
  public static void close(String what, double expected, double actual, double relativeTolerance) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      equal(what, expected, actual);
      return;
    }
    double allowed = Math.max(1e-9, Math.abs(expected) * relativeTolerance);
    if (Math.abs(expected - actual) > allowed) {
      throw new ScenarioFailedException(what + ": expected " + expected + " but was " + actual
          + " (tolerance " + allowed + ")");
    }
  }

  /** Fails unless {@code action} throws an exception of the given type, which it returns. */
  public static <T extends Throwable> T fails(String what, Class<T> type, ThrowingRunnable action) {
    try {
      action.run();
    } catch (Throwable e) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
      throw new ScenarioFailedException(what + ": expected " + type.getSimpleName() + " but got " + e);
    }
    throw new ScenarioFailedException(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
  }

  /** An action that may throw anything. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
