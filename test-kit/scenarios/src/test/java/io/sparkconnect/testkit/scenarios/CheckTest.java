package io.sparkconnect.testkit.scenarios;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {
  @Test
  void closeAllowsTheRelativeToleranceAndNoMore() {
    assertDoesNotThrow(() -> Check.close("x", 1000.0, 1000.0000001, 1e-9));
    ScenarioFailedException error = assertThrows(ScenarioFailedException.class,
        () -> Check.close("sum", 1000.0, 1000.1, 1e-9));
    assertEquals("sum: expected 1000.0 but was 1000.1 (tolerance " + 1000.0 * 1e-9 + ")", error.getMessage());
  }

  @Test
  void nanAgreesOnlyWithNan() {
    assertDoesNotThrow(() -> Check.close("x", Double.NaN, Double.NaN, 1e-9));
    assertThrows(ScenarioFailedException.class, () -> Check.close("x", Double.NaN, 3.0, 1e-9));
    assertThrows(ScenarioFailedException.class, () -> Check.close("x", 3.0, Double.NaN, 1e-9));
  }

  @Test
  void failsNamesTheExpectedTypeWhenNothingOrSomethingElseIsThrown() {
    assertEquals("boom", Check.fails("x", IllegalStateException.class, () -> {
      throw new IllegalStateException("boom");
    }).getMessage());
    assertEquals("call: expected IllegalStateException but nothing was thrown", assertThrows(
        ScenarioFailedException.class, () -> Check.fails("call", IllegalStateException.class, () -> {})).getMessage());
  }
}
