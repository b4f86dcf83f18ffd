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

/** {@code spark-connect load}: the eight time-bounded load scenarios, with latency percentiles and throughput. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Runs the load scenarios for a bounded time each: sustained rate, concurrent sessions and "
        + "connections, heavy aggregation, large results, memory stress, a mixed workload and session churn. "
        + "Reports throughput, p50/p95/p99 latency, errors, client heap and CPU. Exits 1 if any fails.")
final class LoadCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ScenarioOptions options;

  @Mixin
  DatasetOptions dataset;

  @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s", converter = DurationConverter.class,
      description = "How long each load scenario runs, such as 30s, 5m or 30m; memory-stress streams --rows once "
          + "instead (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "0s", converter = DurationConverter.class,
      description = "Run each load scenario this long before measuring, such as 10s (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Concurrent workers, sessions or connections, 1 to 256 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--rate", paramLabel = "QPS", defaultValue = "0",
      description = "Pace the sustained-rate scenario to this many queries per second; 0 runs back to back "
          + "(default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--max-operations", paramLabel = "N", defaultValue = "1000000",
      description = "Stop a scenario after this many operations even if time remains, at most 20,000,000 "
          + "(default: ${DEFAULT-VALUE}).")
  long maxOperations;

  @Option(names = "--max-error-rate", paramLabel = "SHARE", defaultValue = "0",
      description = "Share of failed operations tolerated, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double maxErrorRate;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "20000000",
      description = "Rows the memory-stress scenario streams (default: ${DEFAULT-VALUE}).")
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
        .maxOperations(maxOperations)
        .maxErrorRate(maxErrorRate)
        .largeResultRows(rows)
        .jfrFile(jfrFile)
        .build());
    return ScenarioCommandRunner.run(spec.commandLine(), ScenarioKind.LOAD, options, settings);
  }
}
