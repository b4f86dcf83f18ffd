package io.sparkconnect.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The queries of the server benchmarks, read from {@code workloads.properties}, the file the official client's and
 * PySpark's benchmarks read too, so every client asks the server for the same work.
 */
public final class Workloads {
  private static final Properties QUERIES = load();

  private Workloads() {}

  /** The query named {@code name}, such as {@code select-one}. */
  public static String query(String name) {
    String query = QUERIES.getProperty(name);
    if (query == null) {
      throw new IllegalArgumentException("No workload named " + name + " in workloads.properties; it has "
          + QUERIES.stringPropertyNames());
    }
    return query;
  }

  /** The query named {@code name} over {@code rows} rows. */
  public static String query(String name, long rows) {
    return query(name).replace("{rows}", Long.toString(rows));
  }

  private static Properties load() {
    Properties queries = new Properties();
    try (InputStream in = Workloads.class.getResourceAsStream("workloads.properties")) {
      if (in == null) {
        throw new IllegalStateException("workloads.properties is missing from the classpath");
      }
      queries.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return queries;
  }
}
