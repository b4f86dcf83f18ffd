package io.sparkconnect.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Conditions are read from the error class when the server gives one, and from the message only when not. */
class FailureTest {
  @Test
  void theErrorClassDecidesWhenThereIsOne() {
    Failure failure = Failure.of("INTERNAL", "DIVIDE_BY_ZERO",
        "user text that quotes [INVALID_HANDLE.OPERATION_NOT_FOUND]", null, true);
    assertFalse(failure.mentions(ErrorConditions.OPERATION_NOT_FOUND), "message text is not a condition");
    assertTrue(failure.mentions("DIVIDE_BY_ZERO"));
  }

  @Test
  void aConditionCoversTheClassesUnderIt() {
    Failure failure = Failure.of("INTERNAL", "INVALID_HANDLE.OPERATION_NOT_FOUND", "gone", null, false);
    assertTrue(failure.mentions(ErrorConditions.OPERATION_NOT_FOUND));
    assertTrue(failure.mentions(ErrorConditions.HANDLE_PREFIX));
    assertFalse(failure.mentions("INVALID_HANDLE.OPERATION"), "a prefix must end at a dot");
  }

  @Test
  void withoutAnErrorClassTheMessageIsRead() {
    Failure failure = Failure.of("INTERNAL", null, "[INVALID_HANDLE.OPERATION_NOT_FOUND] unknown", null, false);
    assertTrue(failure.mentions(ErrorConditions.OPERATION_NOT_FOUND));
  }
}
