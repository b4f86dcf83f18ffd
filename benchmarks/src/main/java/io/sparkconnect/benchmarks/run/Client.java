package io.sparkconnect.benchmarks.run;

import java.nio.file.Path;

/** One client the run measures against the same server: ours, the official JVM client, or PySpark Connect. */
interface Client {
  /** The name results are filed under: {@code ours}, {@code official} or {@code pyspark}. */
  String name();

  /** Whether this client has a benchmark for {@code suite}. */
  boolean supports(Suite suite);

  /** Runs {@code suite} at {@code threads} against {@code remote}, writing JMH-shaped JSON to {@code result}. */
  void run(Suite suite, int threads, String remote, Path result, Path log);
}
