package io.sparkconnect.benchmarks.run;

import io.sparkconnect.testkit.SparkConnectServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmarks/run}: starts each Spark server once, runs every server suite against it with our client, the
 * official JVM client and PySpark Connect taking turns suite by suite, then the client-only suites and cold start,
 * and writes the raw JSON and the generated report.
 */
@Command(name = "benchmarks/run", mixinStandardHelpOptions = true,
    description = "Runs the benchmarks side by side with the official JVM client and PySpark Connect against real "
        + "Spark Connect servers, and writes BENCHMARKS.md and the raw results.")
public final class BenchmarkRun implements Callable<Integer> {
  static final Set<String> OURS = Set.of("QueryBenchmark.selectOne", "QueryBenchmark.smallAggregation",
      "QueryBenchmark.selectOneSharedSession", "QueryBenchmark.selectOneOwnSession", "LargeResultBenchmark.collect",
      "LargeResultBenchmark.iterator", "LargeResultBenchmark.arrowBatches");
  static final Set<String> OFFICIAL = Set.of("QueryBenchmark.selectOne", "QueryBenchmark.smallAggregation",
      "QueryBenchmark.selectOneSharedSession", "QueryBenchmark.selectOneOwnSession", "LargeResultBenchmark.collect",
      "LargeResultBenchmark.iterator");

  @Option(names = "--spark", split = ",", defaultValue = "4.1,3.5",
      description = "Spark server versions, each started once (default: ${DEFAULT-VALUE}).")
  List<String> sparkVersions;

  @Option(names = "--short", description = "One short iteration each and 100,000-row results: proves every "
      + "benchmark runs and gives allocation figures, not timings.")
  boolean shortMode;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--rows", split = ",", paramLabel = "N",
      description = "Row counts of the large results (default: 1000000,10000000; with --short: 100000).")
  List<Long> rows;

  @Option(names = "--report-only", description = "Run nothing: measure the footprint again and write the report from "
      + "the results in --out.")
  boolean reportOnly;

  @Option(names = "--no-peers", description = "Run our client only.")
  boolean noPeers;

  @Option(names = "--cold-start-runs", defaultValue = "10",
      description = "Process runs per client for cold start; 0 skips it (default: ${DEFAULT-VALUE}).")
  int coldStartRuns;

  @Option(names = "--first-collect-runs", defaultValue = "5",
      description = "Fresh JVMs of ours whose first collect of the largest wide result is timed, on 4.x servers; 0 "
          + "skips it (default: ${DEFAULT-VALUE}).")
  int firstCollectRuns;

  @Option(names = "--project-dir", defaultValue = ".", description = "The repository's root (default: .).")
  Path projectDir;

  @Option(names = "--out", description = "Where the raw results and logs go (default: benchmarks/results).")
  Path out;

  @Option(names = "--report", description = "The report to write (default: BENCHMARKS.md at the root).")
  Path report;

  @Option(names = "--ceilings", description = "Allocation ceilings to hold the decode benchmarks under (default: "
      + "benchmarks/allocation-ceilings.properties).")
  Path ceilings;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchmarkRun()).execute(args));
  }

  @Override
  public Integer call() {
    Path root = projectDir.toAbsolutePath().normalize();
    Path results = out != null ? out : root.resolve("benchmarks/results");
    Path logs = results.resolve("logs");
    Path reportFile = report != null ? report : root.resolve("BENCHMARKS.md");
    AllocationCeilings allocationCeilings = AllocationCeilings.load(
        ceilings != null ? ceilings : root.resolve("benchmarks/allocation-ceilings.properties"));
    if (reportOnly) {
      Footprint.write(root, !noPeers, results.resolve("footprint.json"));
      ReportWriter.write(results, reportFile, shortMode, allocationCeilings);
      log("Wrote " + reportFile + " from the results in " + results);
      return 0;
    }
    if (rows != null && rows.stream().anyMatch(n -> n <= 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--rows takes positive row counts, such as --rows 1000000,10000000; got " + rows);
    }
    Results.clear(results);
    String largeRows = rows != null ? String.join(",", rows.stream().map(String::valueOf).toList())
        : shortMode ? "100000" : null;
    List<Long> largeRowCounts = Arrays.stream((largeRows != null ? largeRows : JmhClient.DEFAULT_ROWS).split(","))
        .map(Long::valueOf).toList();
    long largestRows = largeRowCounts.stream().mapToLong(Long::longValue).max().orElseThrow();
    JmhClient ours = new JmhClient("ours", List.of(java(), "-cp", System.getProperty("java.class.path"),
        "org.openjdk.jmh.Main"), OURS, shortMode, largeRows, root);
    List<Client> clients = new ArrayList<>(List.of(ours));
    if (!noPeers) {
      clients.addAll(Peers.find(root, shortMode, largeRows));
    }
    log("Clients: " + clients.stream().map(Client::name).toList());

    log("Client-only suites (no server)");
    ours.runClientOnly("(PlanBenchmark|DecodeBenchmark|ArrowBatchBenchmark)", results.resolve("client-only.json"),
        logs.resolve("client-only.log"));
    Footprint.write(root, !noPeers, results.resolve("footprint.json"));

    for (String version : sparkVersions) {
      try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version).heap("4g")
          .progress(BenchmarkRun::log).start()) {
        Path dir = Results.directory(results.resolve("spark-" + server.sparkVersion()));
        Results.directory(dir.resolve("parts"));
        log("Spark " + server.sparkVersion() + " at " + server.connectionString());
        if (!shortMode) {
          log("  warming the server up (not measured)");
          ours.warmUp(server.connectionString(),
              logs.resolve("spark-" + server.sparkVersion()).resolve("warm-up.log"));
        }
        List<Suite> suites = Suite.all(shortMode);
        for (int s = 0; s < suites.size(); s++) {
          Suite suite = suites.get(s);
          // Each suite starts with the next client, so no client always meets the server right after another's run.
          List<Client> order = new ArrayList<>(clients);
          java.util.Collections.rotate(order, -s);
          for (int threads : suite.threads()) {
            for (Client client : order) {
              if (client.supports(suite) && Peers.serves(client, server.sparkVersion())) {
                log("  " + suite.label(threads) + " · " + client.name());
                String label = client.name() + "-" + suite.label(threads);
                client.run(suite, threads, server.connectionString(), dir.resolve("parts").resolve(label + ".json"),
                    logs.resolve("spark-" + server.sparkVersion()).resolve(label + ".log"));
              }
            }
          }
        }
        log("  counting the Arrow bytes of each large result (for MB/s)");
        ResultBytes.measure(server.connectionString(), largeRowCounts, dir.resolve("result-bytes.json"));
        if (coldStartRuns > 0 && ColdStart.available() && server.sparkVersion().startsWith("4.")) {
          log("Cold start, " + coldStartRuns + " runs per client");
          Peers.coldStart(root, clients).run(server.connectionString(), coldStartRuns,
              dir.resolve("cold-start.json"), logs.resolve("cold-start"));
        }
        if (firstCollectRuns > 0 && server.sparkVersion().startsWith("4.")) {
          log("First collect of " + largestRows + " wide rows in a fresh JVM, " + firstCollectRuns + " runs");
          FirstCollect.run(root, server.connectionString(), largestRows, firstCollectRuns,
              dir.resolve("first-collect.json"), logs.resolve("first-collect"));
        }
        Results.merge(dir.resolve("parts"), dir);
      }
    }

    ReportWriter.write(results, reportFile, shortMode, allocationCeilings);
    log("Wrote " + reportFile + " and the raw results in " + results);
    List<String> over = allocationCeilings.check(Results.read(results.resolve("client-only.json")));
    if (!over.isEmpty()) {
      over.forEach(line -> log("ALLOCATION CEILING: " + line));
      return 1;
    }
    return 0;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void log(String line) {
    System.out.println(line);
  }
}
