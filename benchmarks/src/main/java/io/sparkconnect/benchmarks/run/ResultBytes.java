package io.sparkconnect.benchmarks.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkconnect.benchmarks.Workloads;
import io.sparkconnect.sql.OperationContext;
import io.sparkconnect.sql.OperationListener;
import io.sparkconnect.sql.SparkSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Arrow bytes each large result streams from a server, counted once with our client, so that every client's
 * MB/s divides the same bytes by its own time: the server sends every client the same batches for the same query.
 */
final class ResultBytes {
  static final List<String> SHAPES = List.of("narrow", "wide");

  private final JsonNode bytes;

  private ResultBytes(JsonNode bytes) {
    this.bytes = bytes;
  }

  /** Counts the bytes of each shape at each of {@code rowCounts} on the server at {@code remote}. */
  static void measure(String remote, List<Long> rowCounts, Path file) {
    AtomicLong received = new AtomicLong();
    ObjectMapper json = new ObjectMapper();
    ObjectNode measured = json.createObjectNode();
    try (SparkSession session = SparkSession.builder().remote(remote).operationListener(new OperationListener() {
      @Override
      public void onBatch(OperationContext operation, long rows, long batchBytes) {
        received.addAndGet(batchBytes);
      }
    }).build()) {
      for (String shape : SHAPES) {
        ObjectNode byRows = measured.putObject(shape);
        for (long rows : rowCounts) {
          received.set(0);
          long read = session.sql(Workloads.query(shape, rows)).forEachArrowBatch(batch -> { });
          if (read != rows) {
            throw new BenchmarkRunException(shape + " returned " + read + " rows, expected " + rows);
          }
          byRows.put(Long.toString(rows), received.get());
        }
      }
    }
    try {
      json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), measured);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes counted in {@code file}; none (every figure NaN) when the run did not count them. */
  static ResultBytes read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new ResultBytes(new ObjectMapper().createObjectNode());
    }
    try {
      return new ResultBytes(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of {@code shape} at {@code rows}, or NaN when they were not counted. */
  double of(String shape, long rows) {
    JsonNode value = bytes.path(shape == null ? "" : shape).path(Long.toString(rows));
    return value.isNumber() ? value.asDouble() : Double.NaN;
  }
}
