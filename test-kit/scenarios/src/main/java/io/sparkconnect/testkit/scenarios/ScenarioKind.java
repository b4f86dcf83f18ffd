package io.sparkconnect.testkit.scenarios;

import java.util.Locale;

/** The three families of scenarios: quick checks of a deployment, end-to-end workloads, and load. */
public enum ScenarioKind {
  /** Seconds-long checks that a server accepts connections, runs SQL and DataFrames, and reports errors. */
  SMOKE,
  /** Realistic analytics over the NYC-taxi-shaped dataset, each result checked against an independent oracle. */
  E2E,
  /** Time-bounded workloads that measure throughput, latency percentiles, errors and client resources. */
  LOAD;

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind with this label.
   *
   * @throws IllegalArgumentException naming the valid labels
   */
  public static ScenarioKind fromLabel(String label) {
    for (ScenarioKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown scenario kind '" + label + "'; choose smoke, e2e or load");
  }
}
