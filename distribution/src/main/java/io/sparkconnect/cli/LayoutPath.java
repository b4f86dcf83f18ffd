package io.sparkconnect.cli;

import java.util.Arrays;

/**
 * Turns a path in Maven repository layout into Maven coordinates: {@code
 * org/apache/spark/spark-sql_2.13/4.1.2/spark-sql_2.13-4.1.2.jar} is {@code
 * org.apache.spark:spark-sql_2.13:jar:4.1.2}, with a classifier when the file name has one.
 */
final class LayoutPath {
  private LayoutPath() {}

  /** {@code groupId:artifactId:extension[:classifier]:version}, as Maven Resolver's {@code DefaultArtifact} reads it. */
  static String coordinates(String path) {
    String[] parts = path.split("/");
    if (parts.length < 4) {
      throw new IllegalArgumentException("'" + path + "' is not a path in Maven repository layout "
          + "(group/artifact/version/file)");
    }
    String file = parts[parts.length - 1];
    String version = parts[parts.length - 2];
    String artifactId = parts[parts.length - 3];
    String groupId = String.join(".", Arrays.copyOf(parts, parts.length - 3));
    String prefix = artifactId + "-" + version;
    if (!file.startsWith(prefix)) {
      throw new IllegalArgumentException("'" + file + "' does not start with '" + prefix + "' in " + path);
    }
    String rest = file.substring(prefix.length());
    int dot = rest.indexOf('.', rest.startsWith("-") ? 1 : 0);
    if (dot < 0) {
      throw new IllegalArgumentException("'" + file + "' has no extension in " + path);
    }
    String extension = rest.substring(dot + 1);
    String classifier = rest.startsWith("-") ? rest.substring(1, dot) : "";
    return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":"
        + version;
  }
}
