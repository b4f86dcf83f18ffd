package io.sparkconnect.spi;

/** A monotonic clock in nanoseconds, for measuring elapsed time; replace it in tests. */
@FunctionalInterface
public interface Ticker {
  long nanoTime();

  static Ticker system() {
    return System::nanoTime;
  }
}
