package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.AddArtifactsResponse;
import io.sparkconnect.proto.ArtifactStatusesResponse;
import io.sparkconnect.sql.SparkConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The artifacts of one session: each is sent once (what this session already sent with the same content is
 * skipped, and cached data the server already holds is not sent again), the server's CRC verdicts are checked,
 * and a name is never reused for other content, which the server refuses. Thread-safe.
 */
final class Artifacts {
  /** The two calls this needs, so it can be tested without a server. */
  interface Calls {
    AddArtifactsResponse add(Supplier<ArtifactChunker> requests);

    ArtifactStatusesResponse statuses(List<String> names);
  }

  private final Calls calls;
  private final int chunkSize;
  private final Map<String, String> sent = new ConcurrentHashMap<>();

  Artifacts(Calls calls, int chunkSize) {
    this.calls = calls;
    this.chunkSize = chunkSize;
  }

  /** Sends what this session has not sent yet; returns the names actually sent. */
  synchronized List<String> add(List<Artifact> artifacts) {
    Map<String, Artifact> toSend = new LinkedHashMap<>();
    for (Artifact artifact : artifacts) {
      String previous = sent.get(artifact.name());
      Artifact pending = toSend.get(artifact.name());
      String earlier = previous != null ? previous : pending == null ? null : pending.sha256();
      if (earlier == null) {
        toSend.put(artifact.name(), artifact);
      } else if (!earlier.equals(artifact.sha256())) {
        throw new IllegalArgumentException("Artifact " + artifact.name() + " was already added to this session "
            + "with other content, and the server keeps a session's artifacts for its lifetime without replacing "
            + "them: give the new content another name (a version in the file name) or use a new session");
      }
    }
    if (toSend.isEmpty()) {
      return List.of();
    }
    List<Artifact> batch = new ArrayList<>(toSend.values());
    AddArtifactsResponse response = calls.add(() -> new ArtifactChunker(batch, chunkSize));
    for (AddArtifactsResponse.ArtifactSummary summary : response.getArtifactsList()) {
      if (!summary.getIsCrcSuccessful()) {
        throw new SparkConnectException("The server received artifact " + summary.getName() + " damaged (its CRC "
            + "did not match) and dropped it; add it again");
      }
    }
    batch.forEach(artifact -> sent.put(artifact.name(), artifact.sha256()));
    return List.copyOf(toSend.keySet());
  }

  /**
   * Makes {@code data} available on the server as cached data named by its SHA-256, sending it only when neither
   * this session nor the server has it; returns the hash.
   */
  String cache(byte[] data) {
    String hash = Artifact.sha256(data);
    String name = "cache/" + hash;
    if (sent.containsKey(name)) {
      return hash;
    }
    ArtifactStatusesResponse statuses = calls.statuses(List.of(name));
    ArtifactStatusesResponse.ArtifactStatus status = statuses.getStatusesMap().get(name);
    if (status != null && status.getExists()) {
      sent.put(name, hash);
      return hash;
    }
    add(List.of(Artifact.ofBytes(name, data)));
    return hash;
  }
}
