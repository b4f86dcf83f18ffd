package io.sparkconnect.namedmodule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A module whose descriptor says only {@code requires io.sparkconnect.core} runs a query on the module path, with no
 * {@code --add-modules} or other JVM options.
 */
class NamedModuleIT {

  @Test
  void aModuleRequiringOnlyCoreRunsAQuery() throws Exception {
    String version = SparkVersions.matrix().get(SparkVersions.matrix().size() - 1);
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version).start()) {
      String modulePath = System.getProperty("namedmodule.classes") + java.io.File.pathSeparator
          + Files.readString(Paths.get(System.getProperty("namedmodule.path"))).trim();
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      Process process = new ProcessBuilder(List.of(java.toString(), "--module-path", modulePath,
          "--module", "io.sparkconnect.namedmodule/io.sparkconnect.namedmodule.NamedModuleQuery",
          server.connectionString()))
          .redirectErrorStream(true)
          .start();
      String output = readAll(process);
      assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the query finishes");
      assertEquals(0, process.exitValue(), output);
      assertTrue(output.contains("module=io.sparkconnect.namedmodule sum=499500"), output);
    }
  }

  private static String readAll(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
