package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoding rows, and a {@code VectorSchemaRoot}, needs no {@code --add-opens}: checked in a fresh JVM started without
 * the flag the tests run with.
 */
class EncoderNoJvmFlagsTest {
  @Test
  void encodesInAJvmWithoutAddOpens(@TempDir Path dir) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, EncoderNoFlagsMain.class.getName(), "40"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the JVM without flags did not finish");
    }
    List<String> lines = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("SLF4J")).toList();
    assertEquals(List.of("java.nio is closed", "rows encoded 40", "root encoded 40"), lines,
        "exit " + process.exitValue());
    assertEquals(0, process.exitValue());
  }
}
