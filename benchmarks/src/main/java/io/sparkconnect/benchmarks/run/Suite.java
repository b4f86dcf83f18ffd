package io.sparkconnect.benchmarks.run;

import java.util.List;

/**
 * One server benchmark as every client names it ({@code QueryBenchmark.selectOne}), with the thread counts it runs
 * at. The run interleaves clients suite by suite, so each client meets the server in the same state.
 */
record Suite(String name, List<Integer> threads) {
  /** The server suites, in run order; thread counts of the throughput suites follow the mode. */
  static List<Suite> all(boolean shortMode) {
    List<Integer> threads = shortMode ? List.of(1, 4) : List.of(1, 4, 16);
    return List.of(
        new Suite("QueryBenchmark.selectOne", List.of(1)),
        new Suite("QueryBenchmark.smallAggregation", List.of(1)),
        new Suite("QueryBenchmark.selectOneSharedSession", threads),
        new Suite("QueryBenchmark.selectOneOwnSession", threads),
        new Suite("LargeResultBenchmark.collect", List.of(1)),
        new Suite("LargeResultBenchmark.iterator", List.of(1)),
        new Suite("LargeResultBenchmark.arrowBatches", List.of(1)),
        new Suite("LargeResultBenchmark.toPandas", List.of(1)));
  }

  /** The JMH include pattern matching this suite in any client's package. */
  String pattern() {
    return "\\." + name.replace(".", "\\.") + "$";
  }

  /** A file-name-safe label of this suite at {@code threads}. */
  String label(int threads) {
    return name + (this.threads.size() > 1 ? "-t" + threads : "");
  }
}
