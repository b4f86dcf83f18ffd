package io.sparkconnect.testkit.scenarios.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/** Samples the client JVM while a scenario runs: peak heap in use, CPU used by the process, and GC activity. */
final class ResourceSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 200;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = os.getProcessCpuTime();
  private final long startGcCount = gcCount();
  private final long startGcMillis = gcMillis();
  private final Thread thread;
  private volatile long peakHeapBytes;
  private volatile boolean running = true;

  ResourceSampler() {
    sample();
    thread = new Thread(this::loop, "scenario-resource-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    if (used > peakHeapBytes) {
      peakHeapBytes = used;
    }
  }

  /** Stops sampling and adds heapPeakMiB, heapMaxMiB, cpuAvgPercent (of all cores), gcCount and gcMillis. */
  void stopInto(Map<String, Object> metrics) {
    close();
    sample();
    long wallNanos = Math.max(1, System.nanoTime() - startNanos);
    long cpuNanos = os.getProcessCpuTime() - startCpuNanos;
    int cores = Runtime.getRuntime().availableProcessors();
    metrics.put("heapPeakMiB", round(peakHeapBytes / 1048576.0));
    metrics.put("heapMaxMiB", round(Runtime.getRuntime().maxMemory() / 1048576.0));
    metrics.put("cpuAvgPercent", round(100.0 * cpuNanos / wallNanos / cores));
    metrics.put("gcCount", gcCount() - startGcCount);
    metrics.put("gcMillis", gcMillis() - startGcMillis);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static long gcCount() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
