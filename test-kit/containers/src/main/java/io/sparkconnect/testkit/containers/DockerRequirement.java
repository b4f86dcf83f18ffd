package io.sparkconnect.testkit.containers;

import com.github.dockerjava.api.DockerClient;
import io.sparkconnect.testkit.ServerStartException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Checks, before anything touches Testcontainers, that a Docker engine is there and usable without a registry, and
 * fails with what to do otherwise. Tests call it so that a machine without Docker fails them, never skips them.
 *
 * <p>No registry is reachable here, and Testcontainers otherwise pulls images of its own before the first container
 * and fails minutes later with a pull time-out: its Ryuk reaper, and a tiny image for its start-up checks and, where
 * {@code /.dockerenv} exists (as on this project's machines), to find the Docker host's address. Testcontainers reads
 * the switches for those from the environment only, so they must be set before the test JVM starts.
 */
public final class DockerRequirement {
  private static final String HOW = "run `source test-kit/containers/docker/install-docker.sh` as root (installs Debian's "
      + "docker.io, starts dockerd, builds the base image and exports these variables)";

  private DockerRequirement() {}

  /** The environment variables Testcontainers needs here, each as {@code NAME=value}. */
  public static List<String> requiredEnvironment() {
    List<String> required = new ArrayList<>();
    required.add("TESTCONTAINERS_RYUK_DISABLED=true");
    required.add("TESTCONTAINERS_CHECKS_DISABLE=true");
    if (Files.exists(Paths.get("/.dockerenv"))) {
      required.add("TESTCONTAINERS_HOST_OVERRIDE=localhost");
    }
    return required;
  }

  /**
   * The Docker client, once the checks pass.
   *
   * @throws ServerStartException saying what is missing and how to provide it
   */
  public static DockerClient client() {
    if (!Boolean.getBoolean("sparkconnect.containers.registry")) {
      List<String> missing = new ArrayList<>();
      for (String variable : requiredEnvironment()) {
        String name = variable.substring(0, variable.indexOf('='));
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
          missing.add(variable);
        }
      }
      if (!missing.isEmpty()) {
        throw new ServerStartException("Container tests need " + String.join(" ", missing) + " in the environment"
            + " (no registry serves Testcontainers' own images here; containers are removed by a JVM shutdown hook"
            + " instead of Ryuk): " + HOW + ". Where a registry is reachable, -Dsparkconnect.containers.registry=true"
            + " skips this check.");
      }
    }
    try {
      return DockerClientFactory.instance().client();
    } catch (RuntimeException e) {
      throw new ServerStartException("No usable Docker engine (" + e.getMessage() + "): " + HOW, e);
    }
  }
}
