package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import io.sparkconnect.transport.TlsSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Drives the packaged spark-connect tool as a separate process, as a user would. */
class CliIT {
  private static final String QUERY =
      "SELECT id, CAST(id * 1.5 AS DOUBLE) AS x, IF(id = 1, NULL, concat('v,', id)) AS s FROM range(3)";

  @SparkConnectTest
  void printsATable(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, QUERY);
    assertEquals(0, cli.exitCode, cli::toString);
    assertEquals(String.join("\n",
        "+---+---+----+",
        "| id|  x|   s|",
        "+---+---+----+",
        "|  0|0.0| v,0|",
        "|  1|1.5|NULL|",
        "|  2|3.0| v,2|",
        "+---+---+----+",
        "(3 rows)", ""), cli.out);
    assertFalse(cli.err.contains("SLF4J"), cli.err);
  }

  @SparkConnectTest
  void printsCsv(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, "--format", "csv", QUERY);
    assertEquals(0, cli.exitCode, cli::toString);
    assertEquals("id,x,s\r\n0,0.0,\"v,0\"\r\n1,1.5,\r\n2,3.0,\"v,2\"\r\n", cli.out);
  }

  @SparkConnectTest
  void printsJsonLines(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, "--format", "json",
        "SELECT 1 AS a, 'q\"t' AS b, array(1, 2) AS c, named_struct('k', true) AS d, CAST(NULL AS INT) AS e");
    assertEquals(0, cli.exitCode, cli::toString);
    assertEquals("{\"a\":1,\"b\":\"q\\\"t\",\"c\":[1,2],\"d\":{\"k\":true},\"e\":null}\n", cli.out);
  }

  @SparkConnectTest
  void reportsRowsBeyondTheLimitInsteadOfDroppingThemSilently(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, "--max-rows", "2", "--format", "csv",
        "SELECT * FROM range(10)");
    assertEquals(0, cli.exitCode, cli::toString);
    assertEquals("id\r\n0\r\n1\r\n", cli.out);
    assertTrue(cli.err.contains("showing the first 2 rows"), cli.err);
  }

  @SparkConnectTest
  void tablesKeepTheirRowLimitWhileCsvAndJsonPrintEveryRow(@ConnectionString String remote) throws Exception {
    String query = "SELECT id FROM range(1500)";
    CliProcess table = CliProcess.run("sql", "--remote", remote, query);
    assertEquals(0, table.exitCode, table::toString);
    assertTrue(table.out.contains("\n|999|\n") && table.out.contains("(1000 rows)"), table::toString);
    assertTrue(table.err.contains("showing the first 1000 rows"), table::toString);
    CliProcess csv = CliProcess.run("sql", "--remote", remote, "--format", "csv", query);
    assertEquals(1501, csv.out.split("\r\n").length, csv::toString);
    assertFalse(csv.err.contains("showing the first"), csv::toString);
    CliProcess json = CliProcess.run("sql", "--remote", remote, "--format", "json", query);
    assertEquals(1500, json.out.split("\n").length, json::toString);
    assertTrue(json.out.endsWith("{\"id\":1499}\n"), json::toString);
  }

  @SparkConnectTest
  void maxRowsWorksAtItsLargestValue(@ConnectionString String remote) throws Exception {
    for (String largest : new String[] {Integer.toString(Integer.MAX_VALUE), Long.toString(Long.MAX_VALUE)}) {
      CliProcess cli = CliProcess.run("sql", "--remote", remote, "--max-rows", largest, "--format", "csv",
          "SELECT * FROM range(3)");
      assertEquals(0, cli.exitCode, cli::toString);
      assertEquals("id\r\n0\r\n1\r\n2\r\n", cli.out);
    }
  }

  @SparkConnectTest
  void shortTableRunsStartWithC1AndTheSerialCollectorWhileExportsKeepBothCompilers(@ConnectionString String remote)
      throws Exception {
    for (String[] args : new String[][] {{}, {"--format", "table"}, {"--format=table"}, {"--format", "csv"},
        {"--format=json"}, {"--max-rows", "5"}}) {
      boolean quick = args.length == 0 || String.join("=", args).equals("--format=table");
      CliProcess cli = sqlWithOptions(remote, "-XX:+PrintFlagsFinal", args);
      assertTrue(cli.out.matches("(?s).*TieredStopAtLevel\\s+= " + (quick ? 1 : 4) + "\\s.*"),
          String.join(" ", args) + ": " + cli.err);
      assertTrue(cli.out.matches("(?s).*UseSerialGC\\s+= true\\s.*") || !quick, String.join(" ", args));
      assertTrue(!quick || cli.out.contains("|  1|"), cli::toString);
    }
    // A collector the user chose is kept: the JVM refuses to start with two.
    CliProcess parallel = sqlWithOptions(remote, "-XX:+UseParallelGC -XX:+PrintFlagsFinal");
    assertTrue(parallel.out.matches("(?s).*UseParallelGC\\s+= true\\s.*"), parallel.err);
    assertTrue(parallel.out.matches("(?s).*TieredStopAtLevel\\s+= 1\\s.*"), parallel.err);
  }

  private static CliProcess sqlWithOptions(String remote, String options, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("sql", "--remote", remote));
    command.addAll(List.of(args));
    command.add("SELECT 1");
    ProcessBuilder builder = CliProcess.builder(command.toArray(String[]::new));
    builder.environment().merge("SPARK_CONNECT_OPTS", options, (was, added) -> was + " " + added);
    CliProcess cli = CliProcess.capture(builder, "sql " + String.join(" ", args));
    assertEquals(0, cli.exitCode, cli::toString);
    return cli;
  }

  @SparkConnectTest
  void laterRunsMapTheClassesTheFirstSqlRunArchived(@ConnectionString String remote) throws Exception {
    Path home = Files.createTempDirectory("cli-cds");
    try {
      ProcessBuilder failed = CliProcess.builder("sql", "--remote", remote, "SELECT * FROM no_such_table");
      failed.environment().put("SPARK_CONNECT_HOME", home.toString());
      failed.environment().remove("SPARK_CONNECT_CDS");
      assertEquals(1, CliProcess.capture(failed, "a failed sql run").exitCode);
      if (Files.isDirectory(home.resolve("cds"))) {
        try (Stream<Path> files = Files.list(home.resolve("cds"))) {
          assertFalse(files.anyMatch(file -> file.toString().endsWith(".jsa")), "a failed run left an archive");
        }
      }

      ProcessBuilder first = CliProcess.builder("sql", "--remote", remote, "SELECT 1");
      first.environment().put("SPARK_CONNECT_HOME", home.toString());
      first.environment().remove("SPARK_CONNECT_CDS");
      CliProcess created = CliProcess.capture(first, "the first sql run");
      assertEquals(0, created.exitCode, created::toString);
      Path archive;
      try (Stream<Path> files = Files.list(home.resolve("cds"))) {
        archive = files.filter(file -> file.toString().endsWith(".jsa")).findFirst()
            .orElseThrow(() -> new AssertionError("no class-data archive in " + home.resolve("cds")));
      }
      assertTrue(Files.size(archive) > 1_000_000, archive + " holds " + Files.size(archive) + " bytes");

      Path loaded = home.resolve("classes.log");
      ProcessBuilder second = CliProcess.builder("sql", "--remote", remote, "SELECT 2");
      second.environment().put("SPARK_CONNECT_HOME", home.toString());
      second.environment().remove("SPARK_CONNECT_CDS");
      second.environment().merge("SPARK_CONNECT_OPTS", "-Xlog:class+load:file=" + loaded,
          (was, log) -> was + " " + log);
      CliProcess shared = CliProcess.capture(second, "the second sql run");
      assertEquals(0, shared.exitCode, shared::toString);
      assertTrue(shared.out.contains("|  2|"), shared::toString);
      String classes = Files.readString(loaded);
      for (String name : new String[] {"io.sparkconnect.cli.SqlCommand", "io.sparkconnect.sql.SparkSession",
          "io.grpc.netty.NettyChannelBuilder", "org.apache.arrow.vector.IntVector"}) {
        assertTrue(classes.contains(name + " source: shared objects file (top)"), name + " was not mapped from "
            + "the archive");
      }
      assertFalse(shared.err.contains("cds") || shared.out.contains("[warning]") || shared.out.contains("cds"),
          "the JVM's archive messages stay quiet: " + shared);
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @SparkConnectTest
  void csvStreamsTenMillionRowsThroughASmallHeap(@ConnectionString String remote) throws Exception {
    long rows = 10_000_000;
    Path out = Files.createTempFile("cli-export", ".csv");
    try {
      ProcessBuilder builder = CliProcess.builder("sql", "--remote", remote, "--format", "csv",
          "SELECT id, id * 2 AS twice, concat('row-', id) AS name FROM range(0, " + rows + ", 1, 20)");
      builder.environment().merge("SPARK_CONNECT_OPTS", "-Xmx48m", (was, heap) -> was + " " + heap);
      Process process = builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the export did not finish in 5 minutes");
      assertEquals(0, process.exitValue(), err);
      try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
        assertEquals("id,twice,name", reader.readLine());
        long expected = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          assertEquals(expected + "," + 2 * expected + ",row-" + expected, line, "line " + (expected + 2));
          expected++;
        }
        assertEquals(rows, expected, "rows written with a 48 MiB heap");
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @SparkConnectTest
  void aResultLargerThanMaxResultBytesStopsWithTheLimitNamed(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, "--max-result-bytes", "64k", "--max-rows", "1000000",
        "--format", "csv", "SELECT id, repeat('x', 100) AS s FROM range(100000)");
    assertEquals(1, cli.exitCode, cli::toString);
    assertEquals("", cli.out);
    assertTrue(cli.err.contains("ResultLimitException") && cli.err.contains("maxResultBytes=65536"), cli.err);
    assertFalse(cli.err.contains("\tat "), "no stack trace: " + cli.err);
  }

  @SparkConnectTest
  void aResultWithMoreRowsThanMaxResultRowsStopsWithTheLimitNamed(@ConnectionString String remote)
      throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, "--max-result-rows", "500", "--format", "json",
        "SELECT id FROM range(0, 100000, 1, 4)");
    assertEquals(1, cli.exitCode, cli::toString);
    assertTrue(cli.err.contains("ResultLimitException") && cli.err.contains("maxResultRows=500"), cli.err);
    assertFalse(cli.err.contains("\tat "), "no stack trace: " + cli.err);
  }

  @SparkConnectTest
  void badSqlFailsWithTheServersMessage(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, "SELEC 1");
    assertEquals(1, cli.exitCode, cli::toString);
    assertTrue(cli.err.contains("ParseException"), cli.err);
    assertFalse(cli.err.contains("\tat "), "no stack trace: " + cli.err);
  }

  static Stream<String> versions() {
    return SparkVersions.matrix().stream();
  }

  @ParameterizedTest(name = "embedded spark {0}")
  @MethodSource("versions")
  void startsAnEmbeddedServerByDefault(String version) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--spark", version.substring(0, 3), "SELECT version()");
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("|" + version + " "), cli.out);
    assertTrue(cli.err.contains("Starting Spark Connect " + version), cli.err);
  }

  @Test
  void serverCommandServesUntilStopped() throws Exception {
    String version = SparkVersions.matrix().get(0);
    Process server = CliProcess.builder("server", "--spark", version)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8))) {
      String address = out.readLine();
      assertTrue(address != null && address.startsWith("sc://127.0.0.1:"), "first line: " + address);
      try (SparkSession spark = SparkSession.builder().remote(address).build()) {
        assertEquals(version, spark.version());
        assertEquals(3, spark.sql("SELECT * FROM range(3)").count());
      }
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      server.destroy();
      assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the tool should stop on SIGTERM");
      assertFalse(isListening(port), "the embedded server should stop with the tool");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void serverCommandTakesConfigurationAndATokenItNeverPrints() throws Exception {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("needs a 4.x server in -Dspark.versions"));
    Process server = CliProcess.builder("server", "--spark", version, "--token", "cli-secret-token",
        "--conf", "spark.sql.shuffle.partitions=3").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8))) {
      String address = out.readLine();
      assertTrue(address != null && address.startsWith("sc://127.0.0.1:"), "first line: " + address);
      assertFalse(address.contains("cli-secret-token"), address);
      try (SparkSession spark = SparkSession.builder().remote(address + ";token=cli-secret-token").build()) {
        assertEquals("3", spark.conf().get("spark.sql.shuffle.partitions"));
      }
      try (SparkSession spark = SparkSession.builder().remote(address).build()) {
        io.sparkconnect.sql.ConnectionException refused =
            org.junit.jupiter.api.Assertions.assertThrows(io.sparkconnect.sql.ConnectionException.class,
                spark::version);
        assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
      }
    } finally {
      server.destroyForcibly();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** --tls: the address has use_ssl=true, the next line is the CA file, and only a client trusting it gets in. */
  @Test
  void serverCommandPutsTlsInFrontAndPrintsTheCaToTrust() throws Exception {
    String version = SparkVersions.matrix().get(0);
    Path err = Files.createTempFile("cli-tls-server", ".txt");
    Process server = CliProcess.builder("server", "--spark", version, "--tls").redirectError(err.toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8))) {
      String address = out.readLine();
      assertTrue(address != null && address.matches("sc://127\\.0\\.0\\.1:\\d+/;use_ssl=true"),
          "first line: " + address);
      String ca = out.readLine();
      assertTrue(ca != null && Files.readString(Path.of(ca)).startsWith("-----BEGIN CERTIFICATE-----"),
          "second line: " + ca);
      TlsSettings trusted = TlsSettings.builder().trustCertificates(Path.of(ca)).build();
      try (SparkSession spark = SparkSession.builder().remote(address).tls(trusted).build()) {
        assertEquals(version, spark.version());
        assertEquals(3, spark.sql("SELECT * FROM range(3)").count());
      }
      CliProcess untrusted = CliProcess.run("sql", "--remote", address, "SELECT 1");
      assertEquals(1, untrusted.exitCode, untrusted::toString);
      assertTrue(untrusted.err.contains("Cannot open a TLS connection to the Spark Connect server at 127.0.0.1:"),
          untrusted.err);
      assertTrue(untrusted.err.contains("which this client does not trust"), untrusted.err);
      assertFalse(untrusted.err.contains("gave up after"), "refused without retries: " + untrusted.err);
      assertTrue(Files.readString(err).contains("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=" + ca), Files.readString(err));
    } finally {
      server.destroyForcibly();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void rejectsBadOptionsWithUsage() throws Exception {
    CliProcess cli = CliProcess.run("sql", "--spark", "2.4", "SELECT 1");
    assertEquals(2, cli.exitCode, cli::toString);
    assertTrue(cli.err.contains("'2.4' is not supported"), cli.err);
    CliProcess format = CliProcess.run("sql", "--format", "xml", "SELECT 1");
    assertEquals(2, format.exitCode, format::toString);
    assertTrue(format.err.contains("table, csv, json"), format.err);
  }

  /** The tool's fail-fast retry policy: 5 retries, 3.1 s of waiting, then a clear message. */
  @Test
  void unreachableServerFailsFastWithAClearMessage() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    long start = System.nanoTime();
    CliProcess cli = CliProcess.run("sql", "--remote", "sc://127.0.0.1:" + port, "SELECT 1");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(1, cli.exitCode, cli::toString);
    assertTrue(cli.err.contains("Cannot reach the Spark Connect server at 127.0.0.1:" + port), cli.err);
    Matcher gaveUp = Pattern.compile("gave up after 5 retries over (\\d+) ms").matcher(cli.err);
    assertTrue(gaveUp.find(), cli.err);
    long retrying = Long.parseLong(gaveUp.group(1));
    assertTrue(retrying >= 2000 && retrying < 8000, "retried for " + retrying + " ms: " + cli.err);
    assertTrue(millis < 10_000, "took " + millis + " ms: " + cli.err);
  }

  @Test
  void printsItsVersion() throws Exception {
    CliProcess cli = CliProcess.run("version");
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.startsWith("spark-connect-java "), cli.out);
    assertTrue(cli.out.contains("3.5.7, 4.0.1, 4.1.2, 4.2.0"), cli.out);
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void clusterOptionsAreCheckedBeforeAnythingStarts() throws Exception {
    CliProcess tls = CliProcess.run("server", "--cluster", "--tls");
    assertEquals(2, tls.exitCode, tls::toString);
    assertTrue(tls.err.contains("--tls is for the local server only"), tls::toString);
    CliProcess workers = CliProcess.run("server", "--cluster", "--workers", "0");
    assertEquals(2, workers.exitCode, workers::toString);
    assertTrue(workers.err.contains("--workers must be at least 1, not 0"), workers::toString);
    CliProcess alone = CliProcess.run("server", "--workers", "3");
    assertEquals(2, alone.exitCode, alone::toString);
    assertTrue(alone.err.contains("--workers needs --cluster"), alone::toString);
  }
}
