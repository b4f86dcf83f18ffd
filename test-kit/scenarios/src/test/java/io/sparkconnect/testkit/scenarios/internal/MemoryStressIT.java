package io.sparkconnect.testkit.scenarios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.Map;

/**
 * The memory-stress claim for real: 20 million wide rows stream through a client JVM with a 96 MiB heap, and the same
 * client keeping every row cannot.
 */
class MemoryStressIT {
  private static final long ROWS = 20_000_000;

  @SparkConnectTest
  void twentyMillionWideRowsStreamThroughASmallHeap(SparkConnectServer server) throws Exception {
    Map<String, String> result = MemoryStress.stream(server.connectionString(), ROWS, false);
    System.out.println("memory-stress on " + server.sparkVersion() + ": " + result);
    assertEquals(ROWS, Long.parseLong(result.get("rows")));
    assertEquals(ROWS * (ROWS - 1) / 2, Long.parseLong(result.get("idSum")));
    assertEquals(MemoryStress.expectedTextLength(ROWS), Long.parseLong(result.get("textLength")));
    assertTrue(Long.parseLong(result.get("maxHeapBytes")) <= (MemoryStress.CLIENT_HEAP_MIB + 1L) << 20, result::toString);
    assertTrue(Long.parseLong(result.get("livePeakBytes")) < MemoryStress.MAX_LIVE_HEAP_MIB << 20, result::toString);
    assertTrue(Long.parseLong(result.get("retainedBytes")) < MemoryStress.MAX_RETAINED_MIB << 20, result::toString);
  }

  @SparkConnectTest
  void aClientKeepingEveryBatchFailsTheSameRun(SparkConnectServer server) {
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> MemoryStress.stream(server.connectionString(), ROWS, true));
    assertTrue(failed.getMessage().contains("OutOfMemoryError"), failed.getMessage());
  }
}
