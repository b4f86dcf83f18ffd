package io.sparkconnect.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparkVersionsTest {
  @Test
  void resolvesAliasesAndFullVersions() {
    assertEquals("3.5.7", SparkVersions.resolve("3.5"));
    assertEquals("4.1.2", SparkVersions.resolve("4.1"));
    assertEquals("4.1.2", SparkVersions.resolve(" 4.1.2 "));
    assertEquals("4.0.1", SparkVersions.resolve("4.0"));
    assertEquals("4.2.0", SparkVersions.resolve("4.2"));
    assertEquals(List.of("3.5.7", "4.0.1", "4.1.2", "4.2.0"), SparkVersions.available());
    assertEquals("4.1.2", SparkVersions.latest());
    assertEquals("4.2.0", SparkVersions.newest());
  }

  @Test
  void rejectsUnknownVersionsListingTheSupportedOnes() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SparkVersions.resolve("2.4"));
    assertTrue(error.getMessage().contains("'2.4' is not supported"), error.getMessage());
    assertTrue(error.getMessage().contains("3.5.7"), error.getMessage());
  }

  @Test
  void matrixComesFromTheSystemProperty() {
    String previous = System.getProperty(SparkVersions.MATRIX_PROPERTY);
    try {
      System.setProperty(SparkVersions.MATRIX_PROPERTY, "4.1, 3.5.7,4.1.2");
      assertEquals(List.of("4.1.2", "3.5.7"), SparkVersions.matrix());
      System.setProperty(SparkVersions.MATRIX_PROPERTY, "");
      assertEquals(List.of("3.5.7", "4.1.2"), SparkVersions.matrix());
      System.setProperty(SparkVersions.MATRIX_PROPERTY, "4.0,4.2");
      assertEquals(List.of("4.0.1", "4.2.0"), SparkVersions.matrix());
    } finally {
      if (previous == null) {
        System.clearProperty(SparkVersions.MATRIX_PROPERTY);
      } else {
        System.setProperty(SparkVersions.MATRIX_PROPERTY, previous);
      }
    }
  }

  @Test
  void builderRejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> SparkConnectServer.builder().heap("lots"));
    assertThrows(IllegalArgumentException.class, () -> SparkConnectServer.builder().conf("foo", "bar"));
    assertThrows(IllegalArgumentException.class, () -> SparkConnectServer.builder().sparkVersion("9.9"));
  }
}
