package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsUnitsAndIsoDurations() {
    assertEquals(Duration.ofSeconds(30), converter.convert("30s"));
    assertEquals(Duration.ofMinutes(5), converter.convert("5m"));
    assertEquals(Duration.ofMinutes(90), converter.convert("1h30m"));
    assertEquals(Duration.ofMillis(1500), converter.convert("1s500ms"));
    assertEquals(Duration.ofSeconds(45), converter.convert("PT45S"));
    assertEquals(Duration.ZERO, converter.convert("0s"));
  }

  @Test
  void rejectsAnythingElseNamingTheAcceptedForms() {
    for (String bad : new String[] {"", "30", "5x", "s", "1h 30m", "-5s", "PTxS"}) {
      CommandLine.TypeConversionException error = assertThrows(CommandLine.TypeConversionException.class,
          () -> converter.convert(bad), bad);
      assertEquals(true, error.getMessage().contains("30s") || error.getMessage().contains("PT30S"), bad);
    }
  }
}
