package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AddArtifactsRequest.ArtifactChunk;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts become batches and chunks as Spark's clients send them, every chunk with its CRC. */
class ArtifactChunkerTest {
  @TempDir
  Path temp;

  @Test
  void smallArtifactsTravelTogetherInBatchesOfAtMostAChunk() {
    List<AddArtifactsRequest.Builder> requests = all(new ArtifactChunker(List.of(
        Artifact.ofBytes("files/a", bytes(40, 1)), Artifact.ofBytes("files/b", bytes(50, 2)),
        Artifact.ofBytes("files/c", bytes(20, 3))), 100));
    assertEquals(2, requests.size());
    assertEquals(List.of("files/a", "files/b"), names(requests.get(0).getBatch()));
    assertEquals(List.of("files/c"), names(requests.get(1).getBatch()));
    requests.get(0).getBatch().getArtifactsList().forEach(artifact -> checkCrc(artifact.getData()));
    assertArrayEquals(bytes(50, 2), requests.get(0).getBatch().getArtifacts(1).getData().getData().toByteArray());
  }

  @Test
  void aLargeArtifactIsAnnouncedThenSentInChunksThatJoinToItsBytes() throws Exception {
    byte[] content = bytes(1050, 4);
    Path file = Files.write(temp.resolve("big.jar"), content);
    List<AddArtifactsRequest.Builder> requests = all(new ArtifactChunker(List.of(
        Artifact.ofBytes("files/small", bytes(10, 5)), Artifact.ofFile("jars/big.jar", file)), 100));
    assertEquals(1 + 11, requests.size());
    assertEquals(List.of("files/small"), names(requests.get(0).getBatch()));
    AddArtifactsRequest.BeginChunkedArtifact begin = requests.get(1).getBeginChunk();
    assertEquals("jars/big.jar", begin.getName());
    assertEquals(1050, begin.getTotalBytes());
    assertEquals(11, begin.getNumChunks());
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    checkCrc(begin.getInitialChunk());
    joined.writeBytes(begin.getInitialChunk().getData().toByteArray());
    for (AddArtifactsRequest.Builder request : requests.subList(2, requests.size())) {
      assertTrue(request.hasChunk());
      checkCrc(request.getChunk());
      joined.writeBytes(request.getChunk().getData().toByteArray());
    }
    assertArrayEquals(content, joined.toByteArray());
  }

  @Test
  void aFileThatShrankWhileSentFailsInsteadOfSendingLess() throws Exception {
    Path file = Files.write(temp.resolve("shrinks.jar"), bytes(300, 6));
    ArtifactChunker chunker = new ArtifactChunker(List.of(Artifact.ofFile("jars/shrinks.jar", file)), 100);
    chunker.next();
    Files.write(file, bytes(120, 6));
    chunker.next();
    UncheckedIOException error = assertThrows(UncheckedIOException.class, chunker::next);
    assertTrue(error.getCause().getMessage().contains("jars/shrinks.jar"), error.getCause().getMessage());
  }

  private static void checkCrc(ArtifactChunk chunk) {
    CRC32 crc = new CRC32();
    crc.update(chunk.getData().toByteArray());
    assertEquals(crc.getValue(), chunk.getCrc());
  }

  private static List<String> names(AddArtifactsRequest.Batch batch) {
    List<String> names = new ArrayList<>();
    batch.getArtifactsList().forEach(artifact -> names.add(artifact.getName()));
    return names;
  }

  private static List<AddArtifactsRequest.Builder> all(ArtifactChunker chunker) {
    List<AddArtifactsRequest.Builder> requests = new ArrayList<>();
    chunker.forEachRemaining(requests::add);
    return requests;
  }

  private static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
