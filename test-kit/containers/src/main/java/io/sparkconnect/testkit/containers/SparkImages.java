package io.sparkconnect.testkit.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.sparkconnect.testkit.ServerJarResolver;
import io.sparkconnect.testkit.ServerStartException;
import io.sparkconnect.testkit.SparkVersions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The images the test-kit's containers run, built locally since no container registry is reachable here.
 *
 * <p>The base image, {@value #BASE_IMAGE} (Debian with a Java 17 runtime), comes from {@code
 * test-kit/containers/docker/build-base-image.sh}. On top of it, {@link #serverImage(String)} builds one image per Spark version
 * with the exact jars that the child-JVM servers run on ({@link SparkVersions#serverJars(String)}), taken from the
 * local Maven repository, in {@value #SPARK_HOME}{@code /jars} as in a Spark distribution. Its tag carries a hash of
 * the jar list, the base image and the Dockerfile, so it is built once and rebuilt only when one of them changes.
 */
public final class SparkImages {
  /** The base image; override with {@code -Dsparkconnect.containers.baseImage}. */
  public static final String BASE_IMAGE = "sparkconnect/debian-java:17";
  /** Where the Spark jars are in every image the test-kit runs, built here or official ({@code apache/spark}). */
  public static final String SPARK_HOME = "/opt/spark";
  /** The label on every container and network the test-kit starts, for {@code test-kit/containers/docker/stop-docker.sh}. */
  public static final String LABEL = "io.sparkconnect.testkit";

  private static final String REPOSITORY = "sparkconnect/spark-connect-server";
  private static final Map<String, DockerImageName> BUILT = new ConcurrentHashMap<>();

  private SparkImages() {}

  /** The base image's name, checked to exist. */
  public static String baseImage() {
    String name = System.getProperty("sparkconnect.containers.baseImage", BASE_IMAGE);
    if (imageId(DockerRequirement.client(), name) == null) {
      throw new ServerStartException("The base image " + name + " is missing; build it with "
          + "`bash test-kit/containers/docker/build-base-image.sh` (debootstrap + docker import, about a minute, no registry)");
    }
    return name;
  }

  /** The image of a Spark Connect server of this version (full or alias), built from local jars if missing. */
  public static DockerImageName serverImage(String sparkVersion) {
    return serverImage(sparkVersion, ServerJarResolver.defaults(), System.out::println);
  }

  /**
   * The image of a Spark Connect server of this version (full or alias), built if missing from the jars this resolver
   * finds, reporting build steps to {@code progress}.
   */
  public static DockerImageName serverImage(String sparkVersion, ServerJarResolver resolver,
      Consumer<String> progress) {
    String version = SparkVersions.resolve(sparkVersion);
    return BUILT.computeIfAbsent(version, v -> build(v, resolver, progress));
  }

  /** The Scala binary version of a Spark version's jars: 2.12 for 3.x, 2.13 from 4.0 on. */
  static String scalaVersion(String sparkVersion) {
    return sparkVersion.startsWith("3.") ? "2.12" : "2.13";
  }

  private static synchronized DockerImageName build(String version, ServerJarResolver resolver,
      Consumer<String> progress) {
    DockerClient docker = DockerRequirement.client();
    String base = baseImage();
    List<String> entries = SparkVersions.serverJars(version);
    String dockerfile = String.join("\n",
        "FROM " + base,
        "COPY jars/ " + SPARK_HOME + "/jars/",
        "ENV SPARK_HOME=" + SPARK_HOME + " SPARK_SCALA_VERSION=" + scalaVersion(version),
        "WORKDIR " + SPARK_HOME,
        "LABEL " + LABEL + ".spark-version=" + version,
        "");
    String tag = version + "-" + hash(String.join(";", entries) + "\n" + imageId(docker, base) + "\n" + dockerfile);
    DockerImageName name = DockerImageName.parse(REPOSITORY + ":" + tag);
    if (imageId(docker, name.asCanonicalNameString()) != null) {
      return name;
    }
    List<Path> jars = resolver.resolve(version, entries, progress);
    long start = System.nanoTime();
    progress.accept("Building image " + name + " from " + base + " and " + jars.size() + " jars of Spark " + version);
    ImageFromDockerfile image = new ImageFromDockerfile(name.asCanonicalNameString(), false)
        .withFileFromString("Dockerfile", dockerfile);
    for (Path jar : jars) {
      image.withFileFromPath("jars/" + jar.getFileName(), jar);
    }
    image.get();
    progress.accept(String.format("Built %s in %.1f s", name, (System.nanoTime() - start) / 1e9));
    return name;
  }

  private static String imageId(DockerClient docker, String name) {
    try {
      return docker.inspectImageCmd(name).exec().getId();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
