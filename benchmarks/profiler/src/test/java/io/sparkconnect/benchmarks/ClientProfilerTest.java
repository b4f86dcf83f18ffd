package io.sparkconnect.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClientProfilerTest {
  private static String stat(String name, long utime, long stime) {
    return "4242 (" + name + ") S 1 4200 4200 0 -1 4194368 1517 0 0 0 " + utime + " " + stime
        + " 0 0 20 0 40 0 123456 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";
  }

  @Test
  void aCompilerThreadCountsItsUserAndSystemTicks() {
    assertEquals(312, ClientProfiler.compilerTicks(stat("C2 CompilerThre", 300, 12)));
    assertEquals(41, ClientProfiler.compilerTicks(stat("C1 CompilerThre", 40, 1)));
  }

  @Test
  void otherThreadsCountNothingWhateverTheirNames() {
    assertEquals(0, ClientProfiler.compilerTicks(stat("main", 300, 12)));
    assertEquals(0, ClientProfiler.compilerTicks(stat("GC Thread#0", 300, 12)));
    assertEquals(0, ClientProfiler.compilerTicks(stat("a (C2 CompilerThre) b", 300, 12)));
  }

  @Test
  void thisJvmsCompilersHaveTakenCpuOnLinux() {
    if (!Files.isDirectory(Path.of("/proc/self/task"))) {
      assertEquals(-1, ClientProfiler.compilerTicks());
      return;
    }
    long sum = 0;
    for (int round = 0; round < 2_000 && ClientProfiler.compilerTicks() == 0; round++) {
      sum += work(round);
    }
    assertTrue(ClientProfiler.compilerTicks() > 0, "no compiler ticks after compiling work (" + sum + ")");
  }

  private static long work(int seed) {
    long acc = seed;
    for (int i = 0; i < 100_000; i++) {
      acc = acc * 31 + Long.toString(acc ^ i).hashCode();
    }
    return acc;
  }
}
