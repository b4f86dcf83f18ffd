package io.sparkconnect.testkit;

import io.sparkconnect.testkit.internal.ServerClasspath;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a server's jars come from: given their paths in Maven repository layout ({@link
 * SparkVersions#serverJars(String)}), returns local files in the same order. The default reads the local Maven
 * repository and downloads what is missing from Maven Central; the {@code spark-connect} tool resolves through
 * Maven's own resolver with the user's settings instead.
 */
@FunctionalInterface
public interface ServerJarResolver {
  /**
   * The local jar files for these repository paths, fetching those that are missing.
   *
   * @param progress receives human-readable progress lines; never null
   * @throws ServerStartException naming what could not be had and how to get it
   */
  List<Path> resolve(String sparkVersion, List<String> repositoryPaths, Consumer<String> progress);

  /** The local Maven repository, with downloads from Maven Central ({@code SPARK_CONNECT_MAVEN_REMOTE} aside). */
  static ServerJarResolver defaults() {
    return ServerClasspath::resolve;
  }
}
