package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteString;
import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AddArtifactsRequest.ArtifactChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32;

/**
 * Turns artifacts into the requests of one {@code AddArtifacts} stream, as Spark's clients do: artifacts up to a
 * chunk in size travel together in batches of at most a chunk, a larger one as a {@code begin_chunk} followed by
 * its chunks; every chunk carries the CRC-32 of its bytes. Files are read while the requests are sent, so memory
 * stays at about one chunk. Requests come without the session's envelope.
 */
final class ArtifactChunker implements Iterator<AddArtifactsRequest.Builder> {
  static final int DEFAULT_CHUNK_SIZE = 32 * 1024;

  private final Deque<Artifact> artifacts;
  private final int chunkSize;
  private InputStream open;
  private String openName;
  private long chunksLeft;

  ArtifactChunker(List<Artifact> artifacts, int chunkSize) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
    }
    this.artifacts = new ArrayDeque<>(artifacts);
    this.chunkSize = chunkSize;
  }

  @Override
  public boolean hasNext() {
    return open != null || !artifacts.isEmpty();
  }

  @Override
  public AddArtifactsRequest.Builder next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      if (open != null) {
        return AddArtifactsRequest.newBuilder().setChunk(nextChunk());
      }
      if (artifacts.peek().size() > chunkSize) {
        return begin(artifacts.poll());
      }
      AddArtifactsRequest.Batch.Builder batch = AddArtifactsRequest.Batch.newBuilder();
      long batchBytes = 0;
      while (!artifacts.isEmpty() && artifacts.peek().size() <= chunkSize
          && (batch.getArtifactsCount() == 0 || batchBytes + artifacts.peek().size() <= chunkSize)) {
        Artifact artifact = artifacts.poll();
        batchBytes += artifact.size();
        try (InputStream in = artifact.open()) {
          batch.addArtifacts(AddArtifactsRequest.SingleChunkArtifact.newBuilder().setName(artifact.name())
              .setData(chunk(readFully(in, (int) artifact.size(), artifact))));
        }
      }
      return AddArtifactsRequest.newBuilder().setBatch(batch);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("Cannot read an artifact while sending it", e);
    }
  }

  private AddArtifactsRequest.Builder begin(Artifact artifact) throws IOException {
    long chunks = (artifact.size() + chunkSize - 1) / chunkSize;
    open = artifact.open();
    openName = artifact.name();
    chunksLeft = chunks;
    return AddArtifactsRequest.newBuilder().setBeginChunk(AddArtifactsRequest.BeginChunkedArtifact.newBuilder()
        .setName(artifact.name()).setTotalBytes(artifact.size()).setNumChunks(chunks)
        .setInitialChunk(nextChunk()));
  }

  private ArtifactChunk nextChunk() throws IOException {
    byte[] data = open.readNBytes(chunkSize);
    if (data.length == 0) {
      String name = openName;
      close();
      throw new IOException("Artifact " + name + " ended before its announced size; was the file changed while "
          + "it was sent?");
    }
    if (--chunksLeft == 0) {
      close();
    }
    return chunk(data);
  }

  private static byte[] readFully(InputStream in, int size, Artifact artifact) throws IOException {
    byte[] data = in.readNBytes(size);
    if (data.length != size) {
      throw new IOException("Artifact " + artifact.name() + " has " + data.length + " bytes, not the " + size
          + " it had when it was added; was the file changed while it was sent?");
    }
    return data;
  }

  static ArtifactChunk chunk(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return ArtifactChunk.newBuilder().setData(ByteString.copyFrom(data)).setCrc(crc.getValue()).build();
  }

  /** Closes a file left open by a stream that stopped early. */
  void close() {
    if (open != null) {
      try {
        open.close();
      } catch (IOException ignored) {
        // nothing more to read from it
      }
      open = null;
    }
  }
}
