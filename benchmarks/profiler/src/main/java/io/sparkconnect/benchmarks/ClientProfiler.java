package io.sparkconnect.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.sparkconnect.benchmarks.ClientProfiler}) adding what the client process spends
 * beside the time: CPU per operation over all its threads (the figure PySpark's {@code process_time} gives), the
 * heap's peak during the iteration (garbage not yet collected included), and the live heap: the heap in use right
 * after a collection, at its highest during the iteration. The server runs in another process, so none includes it.
 */
public final class ClientProfiler implements InternalProfiler {
  private static final double NANOS_PER_MILLI = 1_000_000.0;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP)
      .toList();
  private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
      .collect(Collectors.toUnmodifiableSet());
  private final AtomicLong livePeak = new AtomicLong(-1);
  private long cpuBefore;

  public ClientProfiler() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> afterCollection(notification), null, null);
      }
    }
  }

  @Override
  public String getDescription() {
    return "Client CPU per operation, peak heap and peak live heap";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    livePeak.set(-1);
    cpuBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    long heapPeak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long live = livePeak.get();
    return List.of(
        new ScalarResult("cpu.per.op", cpu / NANOS_PER_MILLI / ops, "ms/op",
            AggregationPolicy.AVG),
        new ScalarResult("heap.peak", heapPeak / BYTES_PER_MIB, "MiB", AggregationPolicy.MAX),
        // With no collection in the iteration the live heap is not known; the peak bounds it from above.
        new ScalarResult("heap.live", (live < 0 ? heapPeak : Math.min(live, heapPeak)) / BYTES_PER_MIB, "MiB",
            AggregationPolicy.MAX));
  }

  private void afterCollection(Notification notification) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> heapPoolNames.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
    livePeak.accumulateAndGet(used, Math::max);
  }
}
