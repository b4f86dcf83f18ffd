package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkVersions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spark-connect cache}: where server jars are cached, which versions are ready offline, and clearing it. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = "Shows where server jars are cached and which Spark versions can start offline; --clear "
        + "removes the tool's own repository (never the Maven local repository, which it only reads).")
final class CacheCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--clear", description = "Delete the tool's repository of downloaded server jars.")
  boolean clear;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ToolRepository repository = MavenJarResolver.fromEnvironment(false).repository();
    if (clear) {
      long[] removed = delete(repository.own());
      out.printf("Removed %s: %d files, %.1f MiB%n", repository.own(), removed[0], removed[1] / 1048576.0);
    }
    readiness(repository).forEach(out::println);
    out.flush();
    return 0;
  }

  /** One line per server version: whether its jars are all cached, so it starts offline. */
  static List<String> readiness() {
    try {
      return readiness(MavenJarResolver.fromEnvironment(false).repository());
    } catch (IllegalArgumentException e) {
      return List.of("server jar cache: unknown (" + e.getMessage() + ")");
    }
  }

  private static List<String> readiness(ToolRepository repository) {
    List<String> lines = new ArrayList<>();
    lines.add("server jar cache: " + repository.own() + " (read-only: " + repository.mavenLocal() + ")");
    for (String version : SparkVersions.available()) {
      List<String> jars = SparkVersions.serverJars(version);
      long missing = repository.missing(jars);
      lines.add("  Spark " + version + ": " + (missing == 0 ? "ready offline (" + jars.size() + " jars)"
          : missing + " of " + jars.size() + " jars to download on first use"));
    }
    return lines;
  }

  private static long[] delete(Path root) throws IOException {
    long[] removed = new long[2];
    if (!Files.exists(root)) {
      return removed;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        removed[0]++;
        removed[1] += attributes.size();
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
        if (error != null) {
          throw new UncheckedIOException(error);
        }
        Files.delete(directory);
        return FileVisitResult.CONTINUE;
      }
    });
    return removed;
  }
}
