package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tool exports its spans and metrics with no code when the standard OTEL_* variables ask for it, and sends
 * nothing when they do not.
 */
class TelemetryExportIT {
  private static final String QUERY = "SELECT id FROM range(3)";

  @SparkConnectTest
  void nothingIsExportedUnlessAsked(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run("sql", "--remote", remote, QUERY);
    assertEquals(0, cli.exitCode, cli::toString);
    assertFalse(cli.err.contains("spark_connect"), cli.err);
    assertFalse(cli.err.contains("LoggingSpanExporter"), cli.err);
    assertFalse(cli.err.contains("OpenTelemetry"), "the SDK on the class path stays silent: " + cli.err);
  }

  @SparkConnectTest
  void theLoggingExporterPrintsTheOperationAndRpcSpans(@ConnectionString String remote) throws Exception {
    CliProcess cli = CliProcess.run(Map.of("OTEL_TRACES_EXPORTER", "logging"), "sql", "--remote", remote, QUERY);
    assertEquals(0, cli.exitCode, cli::toString);
    assertTrue(cli.out.contains("(3 rows)"), cli::toString);
    assertTrue(cli.err.contains("'spark_connect ExecutePlan'"), cli.err);
    assertTrue(cli.err.contains("'spark.connect.SparkConnectService/ExecutePlan'"), cli.err);
  }

  @SparkConnectTest
  void otlpSendsSpansAndMetricsToTheConfiguredEndpoint(@ConnectionString String remote) throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        received.add(exchange.getRequestURI().getPath() + " " + new String(body.readAllBytes(),
            StandardCharsets.ISO_8859_1));
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    try {
      String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
      CliProcess cli = CliProcess.run(Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_METRICS_EXPORTER", "otlp",
          "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
          "OTEL_SERVICE_NAME", "qualification-run"), "sql", "--remote", remote, QUERY);
      assertEquals(0, cli.exitCode, cli::toString);
      assertTrue(received.stream().anyMatch(r -> r.startsWith("/v1/traces ") && r.contains("spark_connect ExecutePlan")
          && r.contains("qualification-run")), "spans reached the collector: " + paths(received));
      assertTrue(received.stream().anyMatch(r -> r.startsWith("/v1/metrics ")
          && r.contains("rpc.client.call.duration")), "metrics reached the collector: " + paths(received));
    } finally {
      collector.stop(0);
    }
  }

  private static List<String> paths(List<String> received) {
    return received.stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
  }
}
