package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AddArtifactsResponse;
import io.sparkconnect.proto.ArtifactStatusesResponse;
import io.sparkconnect.sql.SparkConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What a session sends, skips and refuses, without a server. */
class ArtifactsTest {
  private final List<List<String>> uploads = new ArrayList<>();
  private final Set<String> onServer = new HashSet<>();
  private final Set<String> damaged = new HashSet<>();
  private int statusCalls;

  private final Artifacts artifacts = new Artifacts(new Artifacts.Calls() {
    @Override
    public AddArtifactsResponse add(Supplier<ArtifactChunker> requests) {
      List<String> names = new ArrayList<>();
      AddArtifactsResponse.Builder response = AddArtifactsResponse.newBuilder();
      requests.get().forEachRemaining(request -> {
        for (AddArtifactsRequest.SingleChunkArtifact artifact : request.getBatch().getArtifactsList()) {
          names.add(artifact.getName());
          response.addArtifacts(AddArtifactsResponse.ArtifactSummary.newBuilder().setName(artifact.getName())
              .setIsCrcSuccessful(!damaged.contains(artifact.getName())));
        }
      });
      uploads.add(names);
      onServer.addAll(names);
      return response.build();
    }

    @Override
    public ArtifactStatusesResponse statuses(List<String> names) {
      statusCalls++;
      ArtifactStatusesResponse.Builder response = ArtifactStatusesResponse.newBuilder();
      names.forEach(name -> response.putStatuses(name, ArtifactStatusesResponse.ArtifactStatus.newBuilder()
          .setExists(onServer.contains(name)).build()));
      return response.build();
    }
  }, 1024);

  @Test
  void theSameContentIsSentOnceAndNamesAreNotReusedForOtherContent() {
    assertEquals(List.of("files/a.txt"), artifacts.add(List.of(text("files/a.txt", "one"))));
    assertEquals(List.of(), artifacts.add(List.of(text("files/a.txt", "one"))));
    assertEquals(1, uploads.size());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> artifacts.add(List.of(text("files/a.txt", "two"))));
    assertTrue(error.getMessage().contains("files/a.txt"), error.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> artifacts.add(List.of(text("files/b.txt", "x"), text("files/b.txt", "y"))));
    assertEquals(1, uploads.size(), "nothing of a refused call is sent");
  }

  @Test
  void cachedDataIsSentOnlyWhenTheServerLacksIt() {
    byte[] data = "rows".getBytes(StandardCharsets.UTF_8);
    String hash = artifacts.cache(data);
    assertEquals(Artifact.sha256(data), hash);
    assertEquals(List.of(List.of("cache/" + hash)), uploads);
    artifacts.cache(data);
    assertEquals(1, statusCalls, "the session remembers what it sent");

    onServer.add("cache/" + Artifact.sha256("other".getBytes(StandardCharsets.UTF_8)));
    artifacts.cache("other".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, uploads.size(), "the server has it already");
  }

  @Test
  void aDamagedArtifactFailsAndCanBeSentAgain() {
    damaged.add("files/c.txt");
    SparkConnectException error = assertThrows(SparkConnectException.class,
        () -> artifacts.add(List.of(text("files/c.txt", "c"))));
    assertTrue(error.getMessage().contains("files/c.txt") && error.getMessage().contains("CRC"),
        error.getMessage());
    damaged.clear();
    assertEquals(List.of("files/c.txt"), artifacts.add(List.of(text("files/c.txt", "c"))));
  }

  @Test
  void namesStayInsideTheServersDirectories() {
    for (String bad : List.of("", "x.jar", "jars/", "jars/x.txt", "classes/X.java", "files/../x", "/files/x",
        "files//etc/passwd", "files/a\\b")) {
      assertThrows(IllegalArgumentException.class, () -> ArtifactNames.check(bad), bad);
    }
    assertEquals("classes/com/example/Udf.class", ArtifactNames.check("classes/com/example/Udf.class"));
    assertEquals("jars/u.jar", ArtifactNames.forFile(java.nio.file.Path.of("/tmp/u.jar")));
    assertThrows(IllegalArgumentException.class, () -> ArtifactNames.forFile(java.nio.file.Path.of("/tmp/u.txt")));
  }

  private static Artifact text(String name, String content) {
    return Artifact.ofBytes(name, content.getBytes(StandardCharsets.UTF_8));
  }
}
