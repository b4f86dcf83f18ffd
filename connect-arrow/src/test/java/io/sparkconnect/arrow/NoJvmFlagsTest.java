package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding, of compressed batches too, needs no {@code --add-opens}: checked in a fresh JVM started without the flag
 * the tests run with.
 */
class NoJvmFlagsTest {
  @Test
  void decodesInAJvmWithoutAddOpens(@TempDir Path dir) throws Exception {
    List<String> files = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator()) {
      for (CompressionUtil.CodecType codec : List.of(CompressionUtil.CodecType.NO_COMPRESSION,
          CompressionUtil.CodecType.ZSTD, CompressionUtil.CodecType.LZ4_FRAME)) {
        Path stream = dir.resolve(codec + ".arrow");
        Files.write(stream, Ipc.write(allocator, Samples.SCHEMA, codec, root -> Samples.fill(root, 0, 30)));
        files.add(stream.toString());
      }
    }
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, NoFlagsMain.class.getName(), "30"));
    command.addAll(files);
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
    List<String> expected = new ArrayList<>(List.of("java.nio is closed", "reads in place: true"));
    for (int i = 0; i < 3 * files.size(); i++) {
      expected.add("decoded 30");
    }
    assertEquals(expected, lines,
        "exit " + process.exitValue() + ", class path " + classPath.split(File.pathSeparator).length + " entries");
    assertEquals(0, process.exitValue());
  }
}
