package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkconnect.testkit.junit.ConnectionString;
import io.sparkconnect.testkit.junit.SparkConnectTest;

/** {@link StreamingToMemory} against a real server: the stream reaches 300 rows without repeating a value. */
class StreamingToMemoryIT {
  @SparkConnectTest
  void theStreamWritesWholeBatchesOnce(@ConnectionString String remote) throws Exception {
    String out = ConsoleCapture.run(() -> StreamingToMemory.main(new String[] {remote}));
    assertEquals("The stream wrote at least 300 rows, each value once\n", out);
  }
}
