package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Check#sameEntries} passes equal maps and otherwise names the keys that differ. */
class CheckSameEntriesTest {
  @Test
  void equalMapsPass() {
    Check.sameEntries("trips per zone", Map.of(1L, 3L, 2L, 4L), new TreeMap<>(Map.of(2L, 4L, 1L, 3L)));
  }

  @Test
  void namesTheKeysThatDiffer() {
    ScenarioFailedException e = assertThrows(ScenarioFailedException.class, () -> Check.sameEntries(
        "trips per zone", new TreeMap<>(Map.of(1L, 3L, 2L, 4L, 3L, 5L)), new TreeMap<>(Map.of(1L, 3L, 2L, 6L,
            4L, 1L))));
    assertEquals("trips per zone differ in 3 of 4 keys: 2: expected 4 but was 6; 3: expected 5 but was no entry; "
        + "4: expected no entry but was 1", e.getMessage());
  }

  @Test
  void namesOnlyTheFirstFiveDifferences() {
    Map<Integer, Integer> expected = new TreeMap<>();
    Map<Integer, Integer> actual = new TreeMap<>();
    for (int i = 0; i < 8; i++) {
      expected.put(i, i);
      actual.put(i, i + 1);
    }
    ScenarioFailedException e = assertThrows(ScenarioFailedException.class,
        () -> Check.sameEntries("values", expected, actual));
    assertEquals("values differ in 8 of 8 keys: 0: expected 0 but was 1; 1: expected 1 but was 2; 2: expected 2 "
        + "but was 3; 3: expected 3 but was 4; 4: expected 4 but was 5; ...", e.getMessage());
  }
}
