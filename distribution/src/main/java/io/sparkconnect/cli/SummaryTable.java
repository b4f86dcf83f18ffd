package io.sparkconnect.cli;

import io.sparkconnect.testkit.scenarios.RunReport;
import io.sparkconnect.testkit.scenarios.ScenarioResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The final table of a run: one line per scenario with its status, duration and key figures, then the notes of passed
 * scenarios and the whole message of failures too long for the table, then a verdict.
 */
final class SummaryTable {
  private static final String[] HEADER = {"SCENARIO", "KIND", "SERVER", "STATUS", "DURATION", "DETAILS"};
  private static final int MAX_DETAIL = 140;
  private static final Set<String> RESOURCE_METRICS = Set.of("heapPeakMiB", "heapMaxMiB", "cpuAvgPercent", "gcCount",
      "gcMillis");

  private SummaryTable() {}

  static void print(RunReport report, PrintWriter out) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    for (ScenarioResult result : report.results()) {
      lines.add(new String[] {result.name(), result.kind().label(), result.serverVersion(),
          result.passed() ? "passed" : "FAILED", String.format("%.1f s", result.duration().toMillis() / 1000.0),
          details(result)});
    }
    int[] widths = new int[HEADER.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (String[] line : lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        text.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
      }
      out.println(text.toString().stripTrailing());
    }
    for (ScenarioResult result : report.results()) {
      if (result.passed() && result.message().isPresent()) {
        out.println(result.name() + " (" + result.serverVersion() + "): " + result.message().get());
      } else if (!result.passed() && result.message().map(m -> m.length() > MAX_DETAIL).orElse(false)) {
        out.println(result.name() + " (" + result.serverVersion() + ") FAILED: " + result.message().get());
      }
    }
    out.printf("%d of %d scenarios passed in %.1f s%n", report.passedCount(), report.results().size(),
        report.duration().toMillis() / 1000.0);
  }

  private static String details(ScenarioResult result) {
    String text;
    if (!result.passed()) {
      text = result.message().orElse("");
    } else if (result.metrics().containsKey("throughputPerSecond")) {
      Map<String, Object> m = result.metrics();
      text = String.format("%s ops/s, avg %s ms, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms, %s errors, heap peak "
          + "%s MiB", m.get("throughputPerSecond"), m.get("latencyAvgMillis"), m.get("latencyP50Millis"),
          m.get("latencyP95Millis"), m.get("latencyP99Millis"), m.get("latencyMaxMillis"), m.get("errors"),
          m.get("heapPeakMiB"));
    } else {
      StringBuilder shown = new StringBuilder();
      for (Map.Entry<String, Object> metric : result.metrics().entrySet()) {
        if (RESOURCE_METRICS.contains(metric.getKey())) {
          continue;
        }
        shown.append(shown.length() == 0 ? "" : ", ").append(metric.getKey()).append('=').append(metric.getValue());
      }
      text = shown.toString();
    }
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL - 3) + "..." : oneLine;
  }
}
