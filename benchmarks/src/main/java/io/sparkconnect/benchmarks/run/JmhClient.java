package io.sparkconnect.benchmarks.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JVM client whose benchmarks are a JMH suite: ours, or the official client's in its own jar and JVM. Every run
 * adds the allocation profiler and the client CPU/heap profiler, and names the server through a system property
 * of the forks.
 */
final class JmhClient implements Client {
  private static final Duration TIMEOUT = Duration.ofMinutes(60);
  private static final long WARM_UP_ROWS = 30_000_000;
  private static final long MAX_WARM_UPS = 30;
  /** The large results' row counts when the run names none: those of the suites' {@code @Param}. */
  static final String DEFAULT_ROWS = "1000000,10000000";

  private final String name;
  private final List<String> launch;
  private final Set<String> suites;
  private final boolean shortMode;
  private final String rows;
  private final Path directory;

  /**
   * @param launch the command up to JMH's arguments, such as {@code java -cp benchmarks.jar org.openjdk.jmh.Main}
   * @param suites the suites this client has
   * @param rows the row counts of the large results, comma-separated, or null for the suite's own
   */
  JmhClient(String name, List<String> launch, Set<String> suites, boolean shortMode, String rows, Path directory) {
    this.name = name;
    this.launch = List.copyOf(launch);
    this.suites = Set.copyOf(suites);
    this.shortMode = shortMode;
    this.rows = rows;
    this.directory = directory;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(Suite suite) {
    return suites.contains(suite.name());
  }

  @Override
  public void run(Suite suite, int threads, String remote, Path result, Path log) {
    if (!suite.name().startsWith("LargeResultBenchmark.") || shortMode) {
      List<String> command = suiteCommand(suite, threads, remote);
      if (rows != null && suite.name().startsWith("LargeResultBenchmark.")) {
        command.addAll(List.of("-p", "rows=" + rows));
      }
      Processes.run(withCommonOptions(command, result), directory, log, TIMEOUT);
      return;
    }
    for (String count : (rows != null ? rows : DEFAULT_ROWS).split(",")) {
      List<String> command = suiteCommand(suite, threads, remote);
      // A full collection between iterations, so the live heap of one is not the garbage of the ones before.
      command.addAll(List.of("-p", "rows=" + count, "-wi", Integer.toString(warmUps(Long.parseLong(count))),
          "-gc", "true"));
      Processes.run(withCommonOptions(command, withSuffix(result, "-rows" + count)), directory,
          withSuffix(log, "-rows" + count), TIMEOUT);
    }
  }

  /**
   * Single-shot warm-up operations before a large result's measured ones: enough to stream {@value #WARM_UP_ROWS}
   * rows, at least two and at most {@value #MAX_WARM_UPS}. Two operations left C2 compiling through the
   * measurement (the wide Arrow-batch workload at 1M rows spent 960 ms of client CPU per operation after two, 400 ms
   * after 12, 252 ms after 30).
   */
  static int warmUps(long rowsPerOperation) {
    return (int) Math.max(2, Math.min(MAX_WARM_UPS, (WARM_UP_ROWS + rowsPerOperation - 1) / rowsPerOperation));
  }

  private List<String> suiteCommand(Suite suite, int threads, String remote) {
    List<String> command = new ArrayList<>(launch);
    command.add(suite.pattern());
    command.addAll(List.of("-t", Integer.toString(threads), "-jvmArgsPrepend", "-Dbench.remote=" + remote));
    return command;
  }

  private static Path withSuffix(Path file, String suffix) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling(name.substring(0, dot) + suffix + name.substring(dot));
  }

  /**
   * Runs small queries and results against the server for about a minute, discarding the figures, so the first
   * suite measured meets a server whose code is compiled and caches are warm, as later suites do.
   */
  void warmUp(String remote, Path log) {
    List<String> command = new ArrayList<>(launch);
    command.addAll(List.of("(QueryBenchmark\\.(selectOne|smallAggregation)|LargeResultBenchmark\\.collect)$",
        "-jvmArgsPrepend", "-Dbench.remote=" + remote, "-wi", "0", "-i", "3", "-r", "5s", "-p", "rows=100000",
        "-rf", "json", "-rff", log.resolveSibling("warm-up.json").toAbsolutePath().toString()));
    Processes.run(command, directory, log, TIMEOUT);
  }

  /** Runs the client-only suites matching {@code pattern}, no server. */
  void runClientOnly(String pattern, Path result, Path log) {
    List<String> command = new ArrayList<>(launch);
    command.add(pattern);
    Processes.run(withCommonOptions(command, result), directory, log, TIMEOUT);
  }

  private List<String> withCommonOptions(List<String> command, Path result) {
    command.addAll(List.of("-rf", "json", "-rff", result.toAbsolutePath().toString(),
        "-prof", "gc", "-prof", "io.sparkconnect.benchmarks.ClientProfiler"));
    if (shortMode) {
      command.addAll(List.of("-wi", "1", "-w", "1s", "-i", "1", "-r", "1s"));
    }
    return command;
  }
}
