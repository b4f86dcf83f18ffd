package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's repository in front of the Maven local one: lookups in both, and clearing only its own. */
class ToolRepositoryTest {
  private static final String OWN_JAR = "a/b/own/1/own-1.jar";
  private static final String MAVEN_JAR = "a/b/maven/1/maven-1.jar";

  @TempDir
  Path dir;

  private static void write(Path file, int bytes) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
  }

  @Test
  void findsJarsInEitherAndClearsOnlyItsOwn() throws Exception {
    ToolRepository repository = new ToolRepository(dir.resolve("tool/repository"), dir.resolve("m2"));
    write(repository.own().resolve(OWN_JAR), 1000);
    write(repository.mavenLocal().resolve(MAVEN_JAR), 10);
    assertEquals(repository.own().resolve(OWN_JAR), repository.find(OWN_JAR));
    assertEquals(repository.mavenLocal().resolve(MAVEN_JAR), repository.find(MAVEN_JAR));
    assertNull(repository.find("a/b/c/1/c-1.jar"));
    assertEquals(List.of("a/b/c/1/c-1.jar"), repository.absent(List.of(OWN_JAR, "a/b/c/1/c-1.jar", MAVEN_JAR)));

    assertArrayEquals(new long[] {1, 1000}, repository.clear());
    assertFalse(Files.exists(repository.own()));
    assertTrue(Files.isRegularFile(repository.mavenLocal().resolve(MAVEN_JAR)));
    assertArrayEquals(new long[] {0, 0}, repository.clear(), "clearing an absent repository removes nothing");
  }

  @Test
  void aDownloadRemovesThePartialFilesAnInterruptedOneLeftBesideItsJars() throws Exception {
    ToolRepository repository = new ToolRepository(dir.resolve("tool/repository"), dir.resolve("m2"));
    Path jar = repository.own().resolve(OWN_JAR);
    Path partial = jar.resolveSibling("own-1.jar.3434337196668552497.tmp.7306498167644923633.tmp");
    Path checksum = jar.resolveSibling("own-1.jar.sha1");
    Path otherPartial = repository.own().resolve("a/b/other/1/other-1.jar.123.tmp");
    write(partial, 500);
    write(checksum, 40);
    write(otherPartial, 5);
    List<String> lines = new ArrayList<>();
    try (Closeable downloading = repository.downloading(List.of(OWN_JAR), lines::add)) {
      assertFalse(Files.exists(partial));
      assertTrue(Files.exists(checksum));
      assertTrue(Files.exists(otherPartial), "only the partial files of the jars being fetched");
    }
    assertEquals(List.of(), lines, "nobody else was downloading");
  }

  @Test
  void refusesToClearADirectoryHoldingTheMavenLocalRepository() throws Exception {
    ToolRepository repository = new ToolRepository(dir.resolve("home"), dir.resolve("home/.m2/repository"));
    write(repository.mavenLocal().resolve(MAVEN_JAR), 10);
    IllegalStateException refused = assertThrows(IllegalStateException.class, repository::clear);
    assertTrue(refused.getMessage().contains("holds the Maven local repository " + repository.mavenLocal()),
        refused.getMessage());
    assertTrue(Files.isRegularFile(repository.mavenLocal().resolve(MAVEN_JAR)));
  }
}
