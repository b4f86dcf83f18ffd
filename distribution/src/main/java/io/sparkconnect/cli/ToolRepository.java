package io.sparkconnect.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Where the tool keeps the server jars it downloads: its own repository ({@code $SPARK_CONNECT_HOME/repository},
 * else {@code ~/.spark-connect/repository}), the only directory it writes and the one {@code spark-connect cache
 * --clear} removes; in front of the user's Maven local repository, which it reads but never changes, so jars Maven
 * already has are not fetched again.
 */
final class ToolRepository {
  private static final String LOCK_FILE = ".downloading.lock";

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

  /**
   * Deletes the tool's repository, and nothing else.
   *
   * @return the number of files removed and their bytes
   * @throws IllegalStateException when the Maven local repository lies inside it, naming both
   */
  long[] clear() throws IOException {
    if (mavenLocal.toAbsolutePath().normalize().startsWith(home.toAbsolutePath().normalize())) {
      throw new IllegalStateException("Not clearing " + home + ": it holds the Maven local repository "
          + mavenLocal + "; point SPARK_CONNECT_HOME at a directory of the tool's own");
    }
    long[] removed = new long[2];
    if (!Files.exists(home)) {
      return removed;
    }
    Files.walkFileTree(home, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        removed[0]++;
        removed[1] += attributes.size();
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
        if (error != null) {
          throw error;
        }
        Files.delete(directory);
        return FileVisitResult.CONTINUE;
      }
    });
    return removed;
  }

  /**
   * Holds the tool's repository for this process's downloads until closed, waiting while another {@code
   * spark-connect} downloads into it; then removes the temporary files that interrupted downloads of these jars
   * left beside them, as no other process can be writing them.
   */
  Closeable downloading(List<String> repositoryPaths, Consumer<String> progress) throws IOException {
    Files.createDirectories(home);
    FileChannel channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        progress.accept("Waiting for another spark-connect downloading into " + home);
        lock = channel.lock();
      }
      for (String path : repositoryPaths) {
        removePartials(home.resolve(path));
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return channel::close;
  }

  private static void removePartials(Path jar) throws IOException {
    if (!Files.isDirectory(jar.getParent())) {
      return;
    }
    String prefix = jar.getFileName() + ".";
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(jar.getParent(),
        file -> file.getFileName().toString().startsWith(prefix) && file.getFileName().toString().endsWith(".tmp"))) {
      for (Path partial : partials) {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** Those of these layout paths that neither repository has. */
  List<String> absent(List<String> repositoryPaths) {
    return repositoryPaths.stream().filter(path -> find(path) == null).collect(Collectors.toList());
  }
}
