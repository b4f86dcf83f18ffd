package io.sparkconnect.testkit.scenarios;

import io.sparkconnect.testkit.scenarios.internal.ReportDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's {@code report.json} (every scenario with name, kind, server version, status, duration, metrics and
 * series) and a self-contained {@code report.html} that plots latency over time, a latency histogram and throughput.
 */
public final class ReportWriter {
  public static final String JSON_FILE = "report.json";
  public static final String HTML_FILE = "report.html";

  private ReportWriter() {}

  /** Writes both files into {@code directory}, creating it if needed, and returns the HTML file. */
  public static Path write(RunReport report, Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(JSON_FILE), ReportDocument.json(report), StandardCharsets.UTF_8);
      Path html = directory.resolve(HTML_FILE);
      Files.writeString(html, ReportDocument.html(report), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the report into " + directory + ": " + e.getMessage(), e);
    }
  }
}
