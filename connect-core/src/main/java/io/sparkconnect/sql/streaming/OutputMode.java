package io.sparkconnect.sql.streaming;

import java.util.Locale;
import java.util.Objects;

/** Which rows of a streaming result each batch writes to the sink. */
public enum OutputMode {
  /** Only new rows; with an aggregation, only the groups the watermark has closed. */
  APPEND("append"),
  /** The whole result table every batch (aggregations only). */
  COMPLETE("complete"),
  /** The rows that changed since the last batch. */
  UPDATE("update");

  private final String sparkName;

  OutputMode(String sparkName) {
    this.sparkName = sparkName;
  }

  /** The name Spark uses, such as {@code "append"}. */
  public String sparkName() {
    return sparkName;
  }

  /** The mode named {@code name}, ignoring case: {@code append}, {@code complete} or {@code update}. */
  public static OutputMode fromName(String name) {
    Objects.requireNonNull(name, "outputMode");
    for (OutputMode mode : values()) {
      if (mode.sparkName.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Unknown output mode '" + name + "'; use append, complete or update");
  }
}
