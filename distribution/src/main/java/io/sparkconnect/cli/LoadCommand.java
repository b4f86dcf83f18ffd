package io.sparkconnect.cli;

import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-connect load}: the eight time-bounded load scenarios, closed loop or paced, with latency percentiles,
 * throughput and thresholds.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Runs the load scenarios for a bounded time each: sustained rate, concurrent sessions and "
        + "connections, heavy aggregation, large results, a memory soak, a mixed workload and session churn. "
        + "Reports throughput, average/p50/p95/p99/max latency, errors, client heap and CPU. Exits 1 if any fails "
        + "or misses a threshold (--max-error-rate, --max-p95, --min-throughput, --max-heap).")
final class LoadCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ScenarioOptions options;

  @Mixin
  DatasetOptions dataset;

  @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s", converter = DurationConverter.class,
      description = "How long each load scenario runs, such as 30s, 5m or 30m; memory-stress soaks for it, then "
          + "streams --rows once (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "0s", converter = DurationConverter.class,
      description = "Run each load scenario this long before measuring, such as 10s (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Concurrent workers, sessions or connections, 1 to 256 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--rate", paramLabel = "QPS", defaultValue = "0",
      description = "Pace every load scenario to this many queries per second in total, spread over its clients "
          + "(open loop: latency counts from each query's due time); 0 runs back to back "
          + "(default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--rate-per-client", paramLabel = "QPS", defaultValue = "0",
      description = "Pace each of the --concurrency clients to this many queries per second instead, so N clients "
          + "run N times it; not with --rate (default: ${DEFAULT-VALUE}).")
  double ratePerClient;

  @Option(names = "--max-p95", paramLabel = "TIME", converter = DurationConverter.class,
      description = "Fail a scenario whose p95 latency is above this, such as 250ms or 2s (default: 5s, 30s for "
          + "heavy-aggregation, large-results and memory-stress).")
  Duration maxP95;

  @Option(names = "--min-throughput", paramLabel = "QPS", defaultValue = "0",
      description = "Fail a scenario with fewer successful operations per second (default: 0.8 of the requested "
          + "rate with --rate or --rate-per-client, else none).")
  double minThroughput;

  @Option(names = "--max-heap", paramLabel = "SIZE", converter = ByteSizeConverter.class,
      description = "Fail a scenario when the client's heap after garbage collection exceeds this, such as 512m "
          + "(default: no limit).")
  Long maxHeap;

  @Option(names = "--max-operations", paramLabel = "N", defaultValue = "1000000",
      description = "Stop a scenario after this many operations even if time remains, at most 20,000,000 "
          + "(default: ${DEFAULT-VALUE}).")
  long maxOperations;

  @Option(names = "--max-error-rate", paramLabel = "SHARE", defaultValue = "0",
      description = "Share of failed operations tolerated, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double maxErrorRate;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "20000000",
      description = "Rows memory-stress streams once in a 96 MiB client after its soak, whose reads take up to a "
          + "million each (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--jfr", paramLabel = "FILE",
      description = "Record the run with Java Flight Recorder into this file.")
  Path jfrFile;

  @Override
  public Integer call() {
    ScenarioSettings settings = ScenarioCommandRunner.settings(spec.commandLine(), () -> ScenarioSettings.builder()
        .scale(dataset.scale)
        .dataPath(dataset.dataPath)
        .duration(duration)
        .warmup(warmup)
        .concurrency(concurrency)
        .targetRate(rate)
        .ratePerClient(ratePerClient)
        .maxP95(maxP95)
        .minThroughput(minThroughput)
        .maxHeapBytes(maxHeap == null ? 0 : maxHeap)
        .maxOperations(maxOperations)
        .maxErrorRate(maxErrorRate)
        .largeResultRows(rows)
        .jfrFile(jfrFile)
        .build());
    return ScenarioCommandRunner.run(spec.commandLine(), ScenarioKind.LOAD, options, settings);
  }
}
