package io.sparkconnect.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationCeilingsTest {
  private static Measurement decode(String type, double bytesPerOp) {
    return new Measurement(AllocationCeilings.BENCHMARK, "avgt", 1, Map.of("type", type, "rows", "10000"), 100, 1,
        "us/op", Map.of(), Map.of(AllocationCeilings.METRIC, new Measurement.Metric(bytesPerOp, "B/op")));
  }

  @Test
  void typesUnderTheirCeilingPass() {
    AllocationCeilings ceilings = new AllocationCeilings(Map.of("long", 10.0, "string", 60.0));
    assertEquals(List.of(), ceilings.check(List.of(decode("long", 80_000), decode("string", 600_000))));
  }

  @Test
  void aTypeOverItsCeilingIsNamedWithItsFigures() {
    AllocationCeilings ceilings = new AllocationCeilings(Map.of("long", 10.0, "string", 60.0));
    List<String> problems = ceilings.check(List.of(decode("long", 80_000), decode("string", 650_000)));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("string: 65.0 bytes per row decoded, over the ceiling of 60.0"),
        problems.get(0));
  }

  @Test
  void aTypeWithoutAResultFailsInsteadOfPassing() {
    AllocationCeilings ceilings = new AllocationCeilings(Map.of("long", 10.0, "map", 100.0));
    List<String> problems = ceilings.check(List.of(decode("long", 80_000)));
    assertEquals(List.of("map: no allocation figure measured (run DecodeBenchmark.decode with -prof gc)"), problems);
  }
}
