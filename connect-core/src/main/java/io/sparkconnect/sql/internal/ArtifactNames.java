package io.sparkconnect.sql.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The names the server accepts for artifacts: a known directory, then a relative path that stays inside it. */
public final class ArtifactNames {
  static final List<String> DIRECTORIES = List.of("jars/", "classes/", "files/", "archives/", "cache/");

  private ArtifactNames() {}

  /** Returns {@code name} if the server can store it; otherwise says why and what to use instead. */
  public static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("An artifact needs a name such as jars/udfs.jar");
    }
    String prefix = DIRECTORIES.stream().filter(name::startsWith).findFirst().orElseThrow(() ->
        new IllegalArgumentException("Artifact name '" + name + "' must start with one of " + DIRECTORIES
            + " (jars/ for jars, classes/ for class files by package path, files/ for other files)"));
    String rest = name.substring(prefix.length());
    if (rest.isEmpty() || rest.startsWith("/") || rest.contains("\\")
        || List.of(rest.split("/")).contains("..")) {
      throw new IllegalArgumentException("Artifact name '" + name + "' must be a relative path inside " + prefix
          + " without '..'");
    }
    if (prefix.equals("jars/") && !rest.toLowerCase(Locale.ROOT).endsWith(".jar")) {
      throw new IllegalArgumentException("Artifact name '" + name + "' is in jars/ but does not end with .jar");
    }
    if (prefix.equals("classes/") && !rest.endsWith(".class")) {
      throw new IllegalArgumentException("Artifact name '" + name + "' is in classes/ but does not end with .class");
    }
    return name;
  }

  /** The name of a local file by its kind: {@code jars/} for a jar, {@code classes/} for a class file. */
  public static String forFile(Path file) {
    String fileName = file.getFileName().toString();
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jar")) {
      return "jars/" + fileName;
    }
    if (lower.endsWith(".class")) {
      return "classes/" + fileName;
    }
    throw new IllegalArgumentException("Cannot tell what kind of artifact " + file + " is: only .jar and .class "
        + "files are recognised; name other files with addArtifact(path, \"files/" + fileName + "\")");
  }
}
