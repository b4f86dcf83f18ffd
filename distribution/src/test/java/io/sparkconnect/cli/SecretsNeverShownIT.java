package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.spi.CredentialsProvider;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.transport.ChannelSettings;
import io.sparkconnect.transport.ConnectionString;
import io.sparkconnect.transport.InsecureCredentialsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place that prints settings or errors, fed known secrets (the server's token, a refused token, an API key
 * sent as a header), shows none of them: toString() of connection strings, settings and the test-kit server,
 * exception messages and stack traces, the client's own log records, the CLI's output with and without
 * SPARK_CONNECT_DEBUG, a scenario report and the server's log.
 */
class SecretsNeverShownIT {
  private static final String TOKEN = "canary-token-7f3a";
  private static final String WRONG = "canary-wrong-91c2";
  private static final String API_KEY = "canary-api-key-55d0";

  @TempDir Path dir;

  @Test
  void noOutputRevealsATokenOrAHeaderValue() throws Exception {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("needs a 4.x server in -Dspark.versions"));
    List<String> shown = new ArrayList<>();
    Logger clientLogs = Logger.getLogger("io.sparkconnect");
    Level level = clientLogs.getLevel();
    RecordingHandler records = new RecordingHandler();
    clientLogs.setLevel(Level.ALL);
    clientLogs.addHandler(records);
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version).token(TOKEN).start()) {
      String good = server.connectionString() + ";x-api-key=" + API_KEY;
      String plaintext = "sc://127.0.0.1:" + server.port() + "/;use_ssl=false";
      String wrong = plaintext + ";token=" + WRONG + ";x-api-key=" + API_KEY;
      shown.add(server.toString());
      shown.add(ConnectionString.parse(good).toString());
      shown.add(ChannelSettings.of(ConnectionString.parse(good)).toString());
      try (SparkSession spark = SparkSession.builder().remote(good).build()) {
        assertEquals(1, spark.range(1).count());
        shown.add(spark.settings().toString());
      }
      try (SparkSession spark = SparkSession.builder().remote(wrong).build()) {
        shown.add(spark.settings().toString());
        ConnectionException refused = assertThrows(ConnectionException.class, () -> spark.range(1).collect());
        assertTrue(refused.getMessage().contains("rejected the credentials"), refused.getMessage());
        shown.add(stackTrace(refused));
        shown.add(stackTrace(assertThrows(ConnectionException.class, spark::version)));
      }
      Path twoLines = Files.writeString(dir.resolve("token"), WRONG + "\n" + TOKEN + "\n");
      try (SparkSession spark = SparkSession.builder().remote(plaintext)
          .credentials(CredentialsProvider.tokenFile(twoLines)).build()) {
        shown.add(spark.settings().toString());
        shown.add(stackTrace(assertThrows(ConnectionException.class, spark::version)));
      }
      for (String bad : List.of("sc//127.0.0.1/;token=" + TOKEN, "sc://127.0.0.1/path;token=" + TOKEN,
          "sc://alice:" + TOKEN + "@127.0.0.1", "sc//alice:" + TOKEN + "@127.0.0.1", "sc://127.0.0.1/;=" + TOKEN,
          "sc://127.0.0.1/;tokn=" + TOKEN)) {
        shown.add(stackTrace(assertThrows(IllegalArgumentException.class, () -> ConnectionString.parse(bad))));
      }
      shown.add(stackTrace(assertThrows(InsecureCredentialsException.class,
          () -> SparkSession.builder().remote("sc://spark.example.com/;use_ssl=false;token=" + TOKEN).build())));

      Output refusedCli = run(true, "sql", "--remote", wrong, "SELECT 1");
      assertEquals(1, refusedCli.exitCode, refusedCli::toString);
      assertTrue(refusedCli.err.contains("rejected the credentials"), refusedCli::toString);
      assertTrue(refusedCli.err.contains("\tat "), "SPARK_CONNECT_DEBUG prints the stack trace: " + refusedCli);
      shown.add(refusedCli.toString());
      Output badRemote = run(false, "sql", "--remote", "sc//127.0.0.1/;token=" + TOKEN, "SELECT 1");
      assertTrue(badRemote.exitCode != 0, badRemote::toString);
      shown.add(badRemote.toString());
      Path report = dir.resolve("report");
      Output smoke = run(false, "smoke", "--remote", good, "--scenario", "connect", "--report", report.toString());
      assertEquals(0, smoke.exitCode, smoke::toString);
      shown.add(smoke.toString());
      shown.add(Files.readString(report.resolve("report.json"), StandardCharsets.UTF_8));
      shown.add(Files.readString(report.resolve("report.html"), StandardCharsets.UTF_8));
      shown.add(Files.readString(server.logFile(), StandardCharsets.UTF_8));
    } finally {
      clientLogs.removeHandler(records);
      clientLogs.setLevel(level);
    }
    assertTrue(shown.stream().anyMatch(text -> text.contains("sc://127.0.0.1")), "the outputs were gathered");
    shown.addAll(records.texts);
    for (String text : shown) {
      for (String secret : List.of(TOKEN, WRONG, API_KEY)) {
        assertFalse(text.contains(secret), () -> "'" + secret + "' is shown in:\n" + text);
      }
    }
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** What the tool printed and how it ended. */
  private record Output(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  private Output run(boolean debug, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "cli-out", ".txt");
    Path err = Files.createTempFile(dir, "cli-err", ".txt");
    ProcessBuilder builder = CliProcess.builder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (debug) {
      builder.environment().put("SPARK_CONNECT_DEBUG", "1");
    }
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("spark-connect " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Keeps every record of the client's loggers, message and stack trace, as a handler would print them. */
  private static final class RecordingHandler extends Handler {
    final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
      texts.add(record.getLoggerName() + " " + record.getMessage()
          + (record.getThrown() == null ? "" : "\n" + stackTrace(record.getThrown())));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
