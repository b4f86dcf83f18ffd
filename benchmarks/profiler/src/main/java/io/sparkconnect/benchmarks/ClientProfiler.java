package io.sparkconnect.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * beside the time: CPU per operation over all its threads (the figure PySpark's {@code process_time} gives) and, on
 * Linux, the part of it the JIT's compiler threads took (a JVM still compiling is still warming up), the heap's peak
 * during the iteration (garbage not yet collected included), and the live heap: the heap in use right after a
 * collection, at its highest during the iteration. The server runs in another process, so none includes it.
 */
public final class ClientProfiler implements InternalProfiler {
  private static final double NANOS_PER_MILLI = 1_000_000.0;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
  /** Linux's clock ticks per second in /proc's CPU times (USER_HZ, 100 on every architecture the JDK runs on). */
  private static final double NANOS_PER_TICK = 1e9 / 100;
  private static final Path TASKS = Path.of("/proc/self/task");

  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP)
      .toList();
  private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
      .collect(Collectors.toUnmodifiableSet());
  private final AtomicLong livePeak = new AtomicLong(-1);
  private long cpuBefore;
  private long compilerTicksBefore;

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
    compilerTicksBefore = compilerTicks();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    long heapPeak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long live = livePeak.get();
    List<Result> results = new ArrayList<>(List.of(
        new ScalarResult("cpu.per.op", cpu / NANOS_PER_MILLI / ops, "ms/op",
            AggregationPolicy.AVG),
        new ScalarResult("heap.peak", heapPeak / BYTES_PER_MIB, "MiB", AggregationPolicy.MAX),
        // With no collection in the iteration the live heap is not known; the peak bounds it from above.
        new ScalarResult("heap.live", (live < 0 ? heapPeak : Math.min(live, heapPeak)) / BYTES_PER_MIB, "MiB",
            AggregationPolicy.MAX)));
    long compilerTicks = compilerTicks();
    if (compilerTicks >= 0 && compilerTicksBefore >= 0) {
      results.add(new ScalarResult("cpu.jit.per.op",
          (compilerTicks - compilerTicksBefore) * NANOS_PER_TICK / NANOS_PER_MILLI / ops, "ms/op",
          AggregationPolicy.AVG));
    }
    return results;
  }

  /**
   * The CPU ticks (user and system) of this JVM's JIT compiler threads so far, from /proc; -1 where there is none.
   * The threads are HotSpot's, invisible to {@code ThreadMXBean}; Linux names them "C1 CompilerThre" and
   * "C2 CompilerThre" (names are cut at 15 characters).
   */
  static long compilerTicks() {
    if (!Files.isDirectory(TASKS)) {
      return -1;
    }
    long ticks = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        ticks += compilerTicks(task.resolve("stat"));
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks;
  }

  private static long compilerTicks(Path stat) {
    try {
      return compilerTicks(Files.readString(stat));
    } catch (IOException threadEnded) {
      return 0;
    }
  }

  /** The user and system ticks of a thread's /proc stat line if the thread is a JIT compiler's, else 0. */
  static long compilerTicks(String line) {
    int nameEnd = line.lastIndexOf(')');
    String name = line.substring(line.indexOf('(') + 1, nameEnd);
    if (!name.matches("C[12] CompilerThre.*")) {
      return 0;
    }
    // After the name: state, then 10 fields up to utime (14th of the line) and stime (15th).
    String[] fields = line.substring(nameEnd + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
