package io.sparkconnect.benchmarks.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime footprint of a client library: the jars and bytes of its runtime classpath as Maven resolves it for an
 * application that depends on it ({@code benchmarks/cold-start} for ours, {@code benchmarks/official-client} without
 * JMH for the official client), from the {@code target/classpath.txt} each writes at build time.
 */
record Footprint(int jars, long bytes) {
  static final String OURS = "benchmarks/cold-start/target/classpath.txt";
  static final String OFFICIAL = "benchmarks/official-client/target/classpath.txt";

  /** The footprint of the classpath listed in {@code classpathFile}. */
  static Footprint of(Path classpathFile) {
    try {
      List<Path> jars = Arrays.stream(Files.readString(classpathFile).trim().split(File.pathSeparator))
          .filter(entry -> !entry.isEmpty()).map(Path::of).toList();
      long bytes = 0;
      for (Path jar : jars) {
        bytes += Files.size(jar);
      }
      return new Footprint(jars.size(), bytes);
    } catch (IOException e) {
      throw new BenchmarkRunException("Cannot read the classpath in " + classpathFile + " (build the module "
          + "first): " + e.getMessage(), e);
    }
  }

  /** Writes ours and, with peers, the official client's footprint to {@code result}. */
  static void write(Path root, boolean withOfficial, Path result) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode clients = json.createObjectNode();
    clients.set("ours", of(root.resolve(OURS)).toJson(json));
    if (withOfficial) {
      clients.set("official", of(root.resolve(OFFICIAL)).toJson(json));
    }
    try {
      json.writerWithDefaultPrettyPrinter().writeValue(result.toFile(), clients);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode toJson(ObjectMapper json) {
    return json.createObjectNode().put("jars", jars).put("bytes", bytes);
  }
}
