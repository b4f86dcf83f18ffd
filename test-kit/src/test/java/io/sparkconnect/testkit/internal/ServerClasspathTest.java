package io.sparkconnect.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.ServerStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerClasspathTest {
  @Test
  void listsTheConnectServerAndSparkSqlForEachVersion() {
    List<String> spark35 = ServerClasspath.entries("3.5.7");
    assertTrue(spark35.contains("org/apache/spark/spark-connect_2.12/3.5.7/spark-connect_2.12-3.5.7.jar"));
    assertTrue(spark35.contains("org/apache/spark/spark-sql_2.12/3.5.7/spark-sql_2.12-3.5.7.jar"));
    List<String> spark41 = ServerClasspath.entries("4.1.2");
    assertTrue(spark41.contains("org/apache/spark/spark-connect_2.13/4.1.2/spark-connect_2.13-4.1.2.jar"));
    assertTrue(spark41.contains("org/apache/spark/spark-core_2.13/4.1.2/spark-core_2.13-4.1.2.jar"));
    assertTrue(spark41.stream().anyMatch(e -> e.contains("/spark-mllib_2.13/")), "4.x servers need spark-mllib");
    for (String version : List.of("4.0.1", "4.2.0")) {
      List<String> entries = ServerClasspath.entries(version);
      assertTrue(entries.contains("org/apache/spark/spark-connect_2.13/" + version + "/spark-connect_2.13-" + version
          + ".jar"), version);
      assertTrue(entries.contains("org/apache/spark/spark-mllib_2.13/" + version + "/spark-mllib_2.13-" + version
          + ".jar"), version + " needs spark-mllib");
    }
  }

  @Test
  void resolvesToFilesInTheLocalRepository() {
    List<Path> jars = ServerClasspath.resolve("3.5.7", ServerClasspath.entries("3.5.7"), line -> { });
    assertEquals(ServerClasspath.entries("3.5.7").size(), jars.size());
    assertTrue(jars.stream().allMatch(Files::isRegularFile));
  }

  @Test
  void recordsTheSizeOfEveryJarAsItIsInTheLocalRepository() throws Exception {
    for (String version : List.of("3.5.7", "4.0.1", "4.1.2", "4.2.0")) {
      Map<String, Long> sizes = ServerClasspath.sizes(version);
      assertEquals(new HashSet<>(ServerClasspath.entries(version)), sizes.keySet(), version);
      for (Map.Entry<String, Long> jar : sizes.entrySet()) {
        assertEquals(Files.size(ServerClasspath.localRepository().resolve(jar.getKey())), jar.getValue(),
            jar.getKey());
      }
    }
  }

  @Test
  void unknownVersionNamesTheMissingArtifact() {
    ServerStartException error = assertThrows(ServerStartException.class, () -> ServerClasspath.entries("9.9.9"));
    assertTrue(error.getMessage().contains("spark-connect-java-test-kit-spark-9.9"), error.getMessage());
  }
}
