package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.stream.LongStream;

/** {@link DataFrameApi} against a real server: the schema, then the counts and sums of 11..100 by parity. */
class DataFrameApiIT {
  @SparkConnectTest
  void printsTheSchemaAndTheAggregates(@ConnectionString String remote) throws Exception {
    String out = ConsoleCapture.run(() -> DataFrameApi.main(new String[] {remote}));
    assertEquals("root\n"
        + " |-- parity: string (nullable = false)\n"
        + " |-- n: bigint (nullable = false)\n"
        + " |-- total: bigint (nullable = true)\n"
        + line("even", 0) + line("odd", 1), out);
  }

  private static String line(String parity, int remainder) {
    long[] numbers = LongStream.rangeClosed(11, 100).filter(i -> i % 2 == remainder).toArray();
    return parity + ": " + numbers.length + " numbers, sum " + LongStream.of(numbers).sum() + "\n";
  }
}
