package io.sparkconnect.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Where the tool keeps the server jars it downloads: its own repository ({@code $SPARK_CONNECT_HOME/repository},
 * else {@code ~/.spark-connect/repository}), the only directory it writes and the one {@code spark-connect cache
 * --clear} removes; in front of the user's Maven local repository, which it reads but never changes, so jars Maven
 * already has are not fetched again.
 */
final class ToolRepository {
  private final Path home;
  private final Path mavenLocal;

  ToolRepository(Path home, Path mavenLocal) {
    this.home = home;
    this.mavenLocal = mavenLocal;
  }

  /** From the environment and the Maven settings' local repository (null for Maven's default). */
  static ToolRepository of(Map<String, String> env, String settingsLocalRepository) {
    String configured = env.get("SPARK_CONNECT_HOME");
    Path home = configured != null && !configured.isBlank() ? Paths.get(configured)
        : Paths.get(System.getProperty("user.home"), ".spark-connect");
    String repoLocal = System.getProperty("maven.repo.local");
    Path maven = repoLocal != null && !repoLocal.isBlank() ? Paths.get(repoLocal)
        : settingsLocalRepository != null && !settingsLocalRepository.isBlank()
            ? Paths.get(settingsLocalRepository)
            : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    return new ToolRepository(home.resolve("repository"), maven);
  }

  /** The directory the tool writes downloads to. */
  Path own() {
    return home;
  }

  /** The user's Maven local repository, read only. */
  Path mavenLocal() {
    return mavenLocal;
  }

  /** The local file of a layout path, if either repository has it. */
  Path find(String repositoryPath) {
    for (Path root : List.of(home, mavenLocal)) {
      Path file = root.resolve(repositoryPath);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /** How many of these layout paths neither repository has. */
  long missing(List<String> repositoryPaths) {
    return repositoryPaths.stream().filter(path -> find(path) == null).count();
  }
}
