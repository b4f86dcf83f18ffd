package io.sparkconnect.spi;

import java.time.Duration;

/** Waits between attempts; replace it in tests to make retry timing instant and observable. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Thread.sleep. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
