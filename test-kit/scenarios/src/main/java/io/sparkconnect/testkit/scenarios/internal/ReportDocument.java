package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.testkit.scenarios.RunReport;
import io.sparkconnect.testkit.scenarios.ScenarioResult;
import io.sparkconnect.testkit.scenarios.ScenarioSeries;
import io.sparkconnect.transport.ConnectChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run report as report.json text, and as a self-contained report.html that plots it in the browser. */
public final class ReportDocument {
  private static final String TEMPLATE = "report/report-template.html";
  private static final String PLACEHOLDER = "/*REPORT_JSON*/";

  private ReportDocument() {}

  public static String json(RunReport report) {
    return JsonWriter.write(toMap(report));
  }

  public static String html(RunReport report) {
    String template = template();
    int at = template.indexOf(PLACEHOLDER);
    if (at < 0) {
      throw new IllegalStateException("The report template lacks its " + PLACEHOLDER + " placeholder");
    }
    return template.substring(0, at) + json(report) + template.substring(at + PLACEHOLDER.length());
  }

  private static String template() {
    try (InputStream in = ReportDocument.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("The report template " + TEMPLATE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the report template", e);
    }
  }

  static Map<String, Object> toMap(RunReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", "spark-connect-java");
    root.put("clientVersion", ConnectChannel.clientVersion());
    root.put("command", report.command());
    root.put("startedAt", report.startedAt().toString());
    root.put("durationMillis", report.duration().toMillis());
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("connectionString", report.target());
    target.put("embedded", report.embedded());
    target.put("serverVersion", report.serverVersion());
    root.put("target", target);
    root.put("settings", report.settings());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total", report.results().size());
    summary.put("passed", report.passedCount());
    summary.put("failed", report.results().size() - report.passedCount());
    root.put("summary", summary);
    List<Object> scenarios = new ArrayList<>();
    for (ScenarioResult result : report.results()) {
      scenarios.add(scenario(result));
    }
    root.put("scenarios", scenarios);
    return root;
  }

  private static Map<String, Object> scenario(ScenarioResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", result.name());
    out.put("kind", result.kind().label());
    out.put("description", result.description());
    out.put("serverVersion", result.serverVersion());
    out.put("status", result.status().name().toLowerCase(Locale.ROOT));
    out.put("durationMillis", result.duration().toMillis());
    out.put("message", result.message().orElse(null));
    out.put("metrics", result.metrics());
    out.put("series", result.series().map(ReportDocument::series).orElse(null));
    return out;
  }

  private static Map<String, Object> series(ScenarioSeries series) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("latencyOverTime", series.latencyOverTime());
    out.put("latencyHistogram", series.latencyHistogram());
    out.put("throughput", series.throughput());
    return out;
  }
}
