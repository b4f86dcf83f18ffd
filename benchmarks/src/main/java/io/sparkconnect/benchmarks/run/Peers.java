package io.sparkconnect.benchmarks.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the peers live once {@code benchmarks/run} has built them: the official client's JMH jar
 * ({@code benchmarks/official-client}, profile {@code peers}) and PySpark's virtual environment
 * ({@code benchmarks/pyspark/setup-venv.sh}). Both are 4.1 clients, so they meet only 4.x servers.
 */
final class Peers {
  static final String OFFICIAL_JAR = "benchmarks/official-client/target/official-benchmarks.jar";
  static final String PYTHON = "benchmarks/pyspark/.venv/bin/python";
  static final String PYSPARK_SCRIPT = "benchmarks/pyspark/bench.py";
  static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private Peers() {}

  /**
   * The peers, built.
   *
   * @throws BenchmarkRunException naming what to build when one is missing
   */
  static List<Client> find(Path root, boolean shortMode, String rows) {
    Path jar = root.resolve(OFFICIAL_JAR);
    Path python = root.resolve(PYTHON);
    if (!Files.isRegularFile(jar)) {
      throw new BenchmarkRunException("The official client's benchmarks are not built (" + jar + "); build them "
          + "with ./mvnw -Ppeers -pl benchmarks/official-client -am package, or pass --no-peers");
    }
    if (!Files.isExecutable(python)) {
      throw new BenchmarkRunException("PySpark's virtual environment is missing (" + python + "); create it with "
          + "benchmarks/pyspark/setup-venv.sh, or pass --no-peers");
    }
    return List.of(
        new JmhClient("official", List.of(BenchmarkRun.java(), "-jar", jar.toString()), BenchmarkRun.OFFICIAL,
            shortMode, rows, root),
        new PySparkClient(python, root.resolve(PYSPARK_SCRIPT), shortMode, rows));
  }

  /** Whether {@code client} can talk to a server of {@code sparkVersion}. */
  static boolean serves(Client client, String sparkVersion) {
    return client.name().equals("ours") || sparkVersion.startsWith("4.");
  }

  /** The cold-start commands of the tool, the library and each of {@code clients}' peers. */
  static ColdStart coldStart(Path root, List<Client> clients) {
    ColdStart coldStart = new ColdStart(root)
        .add("tool", List.of(root.resolve("distribution/target/spark-connect/bin/spark-connect").toString(),
            "sql", "--remote", "{remote}", "SELECT 1"))
        .add("ours", List.of(BenchmarkRun.java(), "-cp", libraryClasspath(root),
            "io.sparkconnect.benchmarks.coldstart.SelectOne", "{remote}"));
    for (Client client : clients) {
      switch (client.name()) {
        case "official" -> coldStart.add("official", List.of(BenchmarkRun.java(), OPEN_NIO, "-cp",
            root.resolve(OFFICIAL_JAR).toString(), "io.sparkconnect.benchmarks.official.SelectOne", "{remote}"));
        case "pyspark" -> coldStart.add("pyspark", List.of(root.resolve(PYTHON).toString(), "-c",
            "import sys; from pyspark.sql import SparkSession; "
                + "s = SparkSession.builder.remote(sys.argv[1]).getOrCreate(); "
                + "print(s.sql('SELECT 1').collect()[0][0]); s.stop()", "{remote}"));
        default -> { }
      }
    }
    return coldStart;
  }

  /** The class path of the programs in {@code benchmarks/cold-start}: our library and nothing else. */
  static String libraryClasspath(Path root) {
    Path target = root.resolve("benchmarks/cold-start/target");
    try {
      return target.resolve("cold-start.jar") + File.pathSeparator
          + Files.readString(target.resolve("classpath.txt")).trim();
    } catch (IOException e) {
      throw new BenchmarkRunException("The cold-start program is not built (" + target + "); run "
          + "./mvnw install -DskipTests first", e);
    }
  }
}
