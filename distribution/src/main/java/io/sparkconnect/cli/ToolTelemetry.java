package io.sparkconnect.cli;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Exports the tool's spans and metrics when the user asks with the standard OpenTelemetry variables ({@code
 * OTEL_TRACES_EXPORTER=otlp|logging}, {@code OTEL_METRICS_EXPORTER}, endpoint, service name, ...): the SDK is
 * configured from them and installed as the global instance every session uses. Without an exporter named, nothing
 * is installed (the global instance is set to the no-op one, so the SDK on the class path does not announce itself)
 * and nothing is sent; signals not asked for stay off.
 */
final class ToolTelemetry {
  private static final List<String> EXPORTERS = List.of("traces", "metrics", "logs");

  private ToolTelemetry() {}

  /**
   * Installs the SDK if an exporter is named in {@code env} or the system properties.
   *
   * @return whether it was installed
   */
  static boolean installIfAsked(Map<String, String> env, Function<String, String> systemProperties) {
    boolean asked = false;
    for (String signal : EXPORTERS) {
      String value = systemProperties.apply("otel." + signal + ".exporter");
      if (value == null) {
        value = env.get("OTEL_" + signal.toUpperCase(Locale.ROOT) + "_EXPORTER");
      }
      asked |= value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("none");
    }
    if (!asked) {
      GlobalOpenTelemetry.set(OpenTelemetry.noop());
      return false;
    }
    AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of(
            "otel.service.name", "spark-connect",
            "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none"))
        .setResultAsGlobal()
        .build();
    return true;
  }
}
