package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding needs no {@code --add-opens}: checked in a fresh JVM started without the flag the tests run with. */
class NoJvmFlagsTest {
  @Test
  void decodesInAJvmWithoutAddOpens(@TempDir Path dir) throws Exception {
    Path stream = dir.resolve("batch.arrow");
    Files.write(stream, Samples.stream(0, 30));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
        NoFlagsMain.class.getName(), stream.toString(), "30")
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
    assertEquals(List.of("java.nio is closed", "decoded 30", "decoded 30", "decoded 30"), lines,
        "exit " + process.exitValue() + ", class path " + classPath.split(File.pathSeparator).length + " entries");
    assertEquals(0, process.exitValue());
  }
}
