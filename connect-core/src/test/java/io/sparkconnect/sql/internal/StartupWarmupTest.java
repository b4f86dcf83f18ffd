package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupWarmupTest {
  @Test
  void encodesAndDecodesAOneRowResultWithoutAServer() {
    assertTrue(StartupWarmup.run(), "the warm-up did not get through its one-row result");
  }
}
