package io.sparkconnect.benchmarks.official;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The queries of the benchmarks, read from the {@code workloads.properties} every client's benchmarks share. */
final class Workloads {
  private static final String RESOURCE = "/io/sparkconnect/benchmarks/workloads.properties";
  private static final Properties QUERIES = load();

  private Workloads() {}

  /** The query named {@code name}, such as {@code select-one}. */
  static String query(String name) {
    String query = QUERIES.getProperty(name);
    if (query == null) {
      throw new IllegalArgumentException("No workload named " + name + " in workloads.properties; it has "
          + QUERIES.stringPropertyNames());
    }
    return query;
  }

  /** The query named {@code name} over {@code rows} rows. */
  static String query(String name, long rows) {
    return query(name).replace("{rows}", Long.toString(rows));
  }

  private static Properties load() {
    Properties queries = new Properties();
    try (InputStream in = Workloads.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      queries.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return queries;
  }
}
