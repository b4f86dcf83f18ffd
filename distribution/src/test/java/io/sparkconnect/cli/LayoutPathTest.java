package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Repository-layout paths become the coordinates Maven Resolver reads, classifiers included. */
class LayoutPathTest {
  @Test
  void plainJarsClassifiedJarsAndDeepGroups() {
    assertEquals("org.apache.spark:spark-sql_2.13:jar:4.1.2",
        LayoutPath.coordinates("org/apache/spark/spark-sql_2.13/4.1.2/spark-sql_2.13-4.1.2.jar"));
    assertEquals("io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.2.7.Final",
        LayoutPath.coordinates("io/netty/netty-transport-native-epoll/4.2.7.Final/"
            + "netty-transport-native-epoll-4.2.7.Final-linux-x86_64.jar"));
    assertEquals("a.b:c:tar.gz:1", LayoutPath.coordinates("a/b/c/1/c-1.tar.gz"));
  }

  @Test
  void somethingElseIsRefusedNamingThePath() {
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> LayoutPath.coordinates("c/1/c-1.jar"));
    assertTrue(tooShort.getMessage().contains("c/1/c-1.jar"), tooShort.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LayoutPath.coordinates("a/b/c/1/other-1.jar"));
  }
}
