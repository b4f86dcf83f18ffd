package io.sparkconnect.testkit.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;

/** The containers and networks carrying the test-kit's label that are still on the Docker engine. */
public final class Leftovers {
  private Leftovers() {}

  /** Each leftover as {@code container <names> <state>} or {@code network <name>}; empty when all were removed. */
  public static List<String> find() {
    DockerClient docker = DockerRequirement.client();
    List<String> found = new ArrayList<>();
    for (Container container : docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(SparkImages.LABEL)).exec()) {
      found.add("container " + String.join(",", container.getNames()) + " " + container.getState());
    }
    for (Network network : docker.listNetworksCmd().withFilter("label", List.of(SparkImages.LABEL)).exec()) {
      found.add("network " + network.getName());
    }
    return found;
  }
}
