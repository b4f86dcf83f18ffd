package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ByteSizeConverterTest {
  private final ByteSizeConverter converter = new ByteSizeConverter();

  @Test
  void readsPlainBytesAndBinaryUnits() {
    assertEquals(1_048_576L, converter.convert("1048576"));
    assertEquals(512L << 10, converter.convert("512k"));
    assertEquals(64L << 20, converter.convert("64M"));
    assertEquals(2L << 30, converter.convert("2gb"));
  }

  @Test
  void rejectsWhatIsNotASizeWithAnExample() {
    for (String bad : new String[] {"", "ten", "5t", "-3", "1.5m", "0", "99999999999999999999", "9999999999g"}) {
      CommandLine.TypeConversionException error =
          assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(bad), bad);
      assertTrue(error.getMessage().contains("'" + bad + "'"), error.getMessage());
    }
  }
}
