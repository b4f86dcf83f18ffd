package io.sparkconnect.testkit.scenarios.internal;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Samples the client JVM while a scenario runs: peak heap in use (garbage included), the heap still in use after
 * each garbage collection (what the client really holds: its peak and its trend over the run), CPU used by the
 * process, and GC activity.
 */
final class ResourceSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 200;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = os.getProcessCpuTime();
  private final long startGcCount = gcCount();
  private final long startGcMillis = gcMillis();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final NotificationListener afterGc = this::afterGc;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final Thread thread;
  private volatile long peakHeapBytes;
  private volatile long peakAfterGcBytes = -1;
  private final List<double[]> afterGcSamples = new ArrayList<>();
  private volatile boolean running = true;

  ResourceSampler() {
    sample();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(afterGc, null, null);
        emitters.add(emitter);
      }
    }
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

  private void afterGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    synchronized (this) {
      peakAfterGcBytes = Math.max(peakAfterGcBytes, used);
      afterGcSamples.add(new double[] {(System.nanoTime() - startNanos) / 60e9, used / 1048576.0});
    }
  }

  /**
   * The largest heap in use right after a garbage collection while sampling, in bytes; the peak heap in use when no
   * collection ran, an upper bound of it.
   */
  long liveHeapPeakBytes() {
    return peakAfterGcBytes >= 0 ? peakAfterGcBytes : peakHeapBytes;
  }

  /**
   * Stops sampling and adds heapPeakMiB, heapAfterGcPeakMiB, heapMaxMiB, cpuAvgPercent (of all cores), gcCount and
   * gcMillis; with at least {@value HeapTrend#MIN_SAMPLES} collections also the trend of the heap after them:
   * heapAfterGcFirstQuarterMiB and heapAfterGcLastQuarterMiB (means over the first and last quarter of the run) and
   * heapAfterGcSlopeMiBPerMinute (least squares), the figures of a flat or rising heap over a long run.
   */
  void stopInto(Map<String, Object> metrics) {
    close();
    sample();
    long wallNanos = Math.max(1, System.nanoTime() - startNanos);
    long cpuNanos = os.getProcessCpuTime() - startCpuNanos;
    int cores = Runtime.getRuntime().availableProcessors();
    metrics.put("heapPeakMiB", round(peakHeapBytes / 1048576.0));
    metrics.put("heapAfterGcPeakMiB", round(liveHeapPeakBytes() / 1048576.0));
    metrics.put("heapMaxMiB", round(Runtime.getRuntime().maxMemory() / 1048576.0));
    metrics.put("cpuAvgPercent", round(100.0 * cpuNanos / wallNanos / cores));
    metrics.put("gcCount", gcCount() - startGcCount);
    metrics.put("gcMillis", gcMillis() - startGcMillis);
    List<double[]> afterGc;
    synchronized (this) {
      afterGc = new ArrayList<>(afterGcSamples);
    }
    if (afterGc.size() >= HeapTrend.MIN_SAMPLES) {
      HeapTrend.Summary trend = HeapTrend.Summary.of(afterGc);
      metrics.put("heapAfterGcFirstQuarterMiB", round(trend.firstQuarterMiB()));
      metrics.put("heapAfterGcLastQuarterMiB", round(trend.lastQuarterMiB()));
      metrics.put("heapAfterGcSlopeMiBPerMinute", Math.round(trend.slopeMiBPerMinute() * 1000) / 1000.0);
    }
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
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(afterGc);
      } catch (ListenerNotFoundException e) {
        // already removed by an earlier close
      }
    }
    emitters.clear();
  }
}
