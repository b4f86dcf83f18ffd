package io.sparkconnect.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.sparkconnect.benchmarks.ClientProfiler}) adding what the client process spends
 * beside the time: CPU per operation over all its threads (the figure PySpark's {@code process_time} gives), and
 * the heap's peak during the iteration. The server runs in another process, so neither includes it.
 */
public final class ClientProfiler implements InternalProfiler {
  private static final double NANOS_PER_MILLI = 1_000_000.0;
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP)
      .toList();
  private long cpuBefore;

  @Override
  public String getDescription() {
    return "Client CPU per operation and peak heap";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    cpuBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    long heapPeak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return List.of(
        new ScalarResult("cpu.per.op", cpu / NANOS_PER_MILLI / ops, "ms/op",
            AggregationPolicy.AVG),
        new ScalarResult("heap.peak", heapPeak / BYTES_PER_MIB, "MiB", AggregationPolicy.MAX));
  }
}
