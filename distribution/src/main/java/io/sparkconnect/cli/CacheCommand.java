package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkVersions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spark-connect cache}: where server jars are cached, which versions are ready offline, and clearing it. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = "Shows where server jars are cached and which Spark versions can start offline; --clear "
        + "removes the tool's own repository (never the Maven local repository, which it only reads).")
final class CacheCommand implements Callable<Integer> {
  private static final double MIB = 1024.0 * 1024.0;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--clear", description = "Delete the tool's repository of downloaded server jars.")
  boolean clear;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ToolRepository repository = MavenJarResolver.fromEnvironment(false).repository();
    if (clear) {
      try {
        long[] removed = repository.clear();
        out.printf("Removed %s: %d files, %.1f MiB%n", repository.own(), removed[0], removed[1] / MIB);
      } catch (IllegalStateException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
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
      List<String> absent = repository.absent(jars);
      Map<String, Long> sizes = SparkVersions.serverJarSizes(version);
      long bytes = absent.stream().mapToLong(jar -> sizes.getOrDefault(jar, 0L)).sum();
      lines.add("  Spark " + version + ": " + (absent.isEmpty() ? "ready offline (" + jars.size() + " jars)"
          : absent.size() + " of " + jars.size() + " jars" + (bytes > 0 ? String.format(" (%.1f MiB)", bytes / MIB)
              : "") + " to download on first use"));
    }
    return lines;
  }
}
