package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReadWriteFiles} against a real server on this machine, so that its files land in a local directory. */
class ReadWriteFilesIT {
  @TempDir
  Path dir;

  @SparkConnectTest
  void writesAndReadsParquetAndCsv(@ConnectionString String remote) throws Exception {
    String out = ConsoleCapture.run(() -> ReadWriteFiles.main(new String[] {remote, dir.toString()}));
    assertEquals("Parquet: 10 rows, schema struct<id:bigint,cube:bigint>\n"
        + "CSV: 10 rows, largest cube " + 9 * 9 * 9 + "\n", out);
    assertTrue(Files.exists(dir.resolve("cubes.parquet/_SUCCESS")), "the server wrote the Parquet files");
    try (Stream<Path> parts = Files.list(dir.resolve("cubes.csv"))) {
      String csv = parts.filter(p -> p.getFileName().toString().endsWith(".csv")).map(ReadWriteFilesIT::read)
          .reduce("", String::concat);
      assertTrue(csv.startsWith("id,cube\n") && csv.contains("\n9,729\n"), csv);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
