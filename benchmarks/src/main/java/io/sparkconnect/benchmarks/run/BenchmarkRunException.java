package io.sparkconnect.benchmarks.run;

/** A benchmark run that cannot go on: what failed and where its log is. */
public final class BenchmarkRunException extends RuntimeException {
  BenchmarkRunException(String message) {
    super(message);
  }

  BenchmarkRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
