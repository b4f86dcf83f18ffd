package io.sparkconnect.cli;

import io.sparkconnect.transport.ConnectChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The tool's container image: the name the build gives it, and building it with the script users run. */
final class ToolImage {
  private ToolImage() {}

  /** {@code sparkconnect/spark-connect:<the tool's version>}, as {@code build-image.sh} names it. */
  static String name() {
    return "sparkconnect/spark-connect:" + ConnectChannel.clientVersion();
  }

  /** The source tree's {@code distribution/src/docker}. */
  static Path dockerDirectory() {
    return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/docker");
  }

  /** Runs {@code build-image.sh} on the assembled archive and returns the image name it printed last. */
  static String build() throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", dockerDirectory().resolve("build-image.sh").toString())
        .redirectErrorStream(false);
    builder.environment().put("SPARK_CONNECT_DIST", System.getProperty("sparkconnect.distribution.dir"));
    builder.environment().remove("SPARK_CONNECT_IMAGE");
    Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError("build-image.sh failed: " + out);
    }
    List<String> lines = out.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
  }
}
