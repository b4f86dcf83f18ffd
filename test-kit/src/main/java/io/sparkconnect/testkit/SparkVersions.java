package io.sparkconnect.testkit;

import io.sparkconnect.testkit.internal.ServerClasspath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark server versions the test-kit can start, one per live server line, with their short aliases ({@code 3.5},
 * {@code 4.0}, {@code 4.1}, {@code 4.2}), and the matrix that tests run against, chosen with {@code
 * -Dspark.versions=3.5.7,4.1.2}.
 *
 * <p>Each line's version is the newest release whose server jars Maven Central serves; 4.0 and 4.2 stop at 4.0.1 and
 * 4.2.0 because the later releases' {@code spark-connect} jars are not there.
 */
public final class SparkVersions {
  /** System property that selects the server versions tests run against. */
  public static final String MATRIX_PROPERTY = "spark.versions";

  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  /** The default matrix: the lines the whole test suite runs on; the other lines run the smoke and E2E scenarios. */
  private static final List<String> DEFAULT_MATRIX = List.of("3.5.7", "4.1.2");

  /** The version a server gets when none is chosen: the newest line the whole suite runs on. */
  private static final String DEFAULT_VERSION = "4.1.2";

  static {
    ALIASES.put("3.5", "3.5.7");
    ALIASES.put("4.0", "4.0.1");
    ALIASES.put("4.1", "4.1.2");
    ALIASES.put("4.2", "4.2.0");
  }

  private SparkVersions() {}

  /** Every full version the test-kit has a server classpath for, oldest first. */
  public static List<String> available() {
    return new ArrayList<>(ALIASES.values());
  }

  /**
   * The default version for tools that start one server: {@code 4.1.2}, the newest line the whole test suite runs
   * on (4.2 is newer, but CI runs only the smoke and E2E scenarios on it). See {@link #newest()} for the newest.
   */
  public static String latest() {
    return DEFAULT_VERSION;
  }

  /** The newest version the test-kit can start. */
  public static String newest() {
    List<String> all = available();
    return all.get(all.size() - 1);
  }

  /**
   * Resolves a full version or an alias to a supported full version.
   *
   * @throws IllegalArgumentException naming the supported versions
   */
  public static String resolve(String version) {
    String trimmed = version == null ? "" : version.strip();
    String full = ALIASES.getOrDefault(trimmed, trimmed);
    if (!ALIASES.containsValue(full)) {
      throw new IllegalArgumentException("Spark version '" + trimmed + "' is not supported by the test-kit; choose one of "
          + ALIASES.keySet() + " or " + ALIASES.values());
    }
    return full;
  }

  /**
   * The jars a server of this version (full or alias) runs on, as paths in Maven repository layout, such as {@code
   * org/apache/spark/spark-sql_2.13/4.1.2/spark-sql_2.13-4.1.2.jar}.
   */
  public static List<String> serverJars(String version) {
    return ServerClasspath.entries(resolve(version));
  }

  /**
   * The size in bytes of each of {@link #serverJars(String)}, keyed by the same paths; empty when the server
   * artifact on the classpath does not record them.
   */
  public static Map<String, Long> serverJarSizes(String version) {
    return ServerClasspath.sizes(resolve(version));
  }

  /**
   * The versions selected by {@value #MATRIX_PROPERTY}, or, when it is not set, those the whole test suite runs on
   * ({@code 3.5.7} and {@code 4.1.2}, as in the build).
   */
  public static List<String> matrix() {
    String selected = System.getProperty(MATRIX_PROPERTY, "");
    if (selected.isBlank()) {
      return DEFAULT_MATRIX;
    }
    List<String> versions = new ArrayList<>();
    for (String part : selected.split(",")) {
      if (!part.isBlank()) {
        String full = resolve(part);
        if (!versions.contains(full)) {
          versions.add(full);
        }
      }
    }
    return versions;
  }
}
