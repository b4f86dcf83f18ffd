package io.sparkconnect.sql.internal;

import com.google.protobuf.ByteString;
import io.airlift.compress.zstd.ZstdCompressor;
import io.sparkconnect.proto.CompressionCodec;
import io.sparkconnect.proto.Plan;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Sends large plans ZSTD-compressed ({@code Plan.compressed_operation}) to servers that accept them (4.1+), the way
 * the official clients do: above the server's {@code spark.connect.session.planCompression.threshold}, and only when
 * compression makes the plan smaller. Plans under {@link #PROBE_FLOOR} are sent as they are without asking the
 * server anything, so small queries cost no extra call. Thread-safe.
 */
final class PlanCompression {
  /** Plans smaller than this are never compressed, whatever the server's threshold. */
  static final int PROBE_FLOOR = 64 * 1024;
  static final String THRESHOLD_KEY = "spark.connect.session.planCompression.threshold";
  static final String ALGORITHM_KEY = "spark.connect.session.planCompression.defaultAlgorithm";

  /** What the server said about plan compression; {@code threshold} is empty when it does not offer it. */
  interface Probe {
    OptionalLong threshold();
  }

  private final Probe probe;
  private volatile OptionalLong threshold;

  PlanCompression(Probe probe) {
    this.probe = probe;
  }

  /** Reads the server's answer to {@code GetOption(threshold, algorithm)}: empty unless it offers ZSTD. */
  static OptionalLong threshold(String threshold, String algorithm) {
    if (threshold == null || algorithm == null || !algorithm.strip().toUpperCase(Locale.ROOT).equals("ZSTD")) {
      return OptionalLong.empty();
    }
    try {
      long bytes = Long.parseLong(threshold.strip());
      return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** {@code plan} as it goes on the wire: compressed when large enough and the server offers it. */
  Plan apply(Plan plan) {
    int size = plan.getSerializedSize();
    if (size < PROBE_FLOOR || plan.hasCompressedOperation()) {
      return plan;
    }
    OptionalLong limit = threshold();
    if (limit.isEmpty() || size <= limit.getAsLong()) {
      return plan;
    }
    byte[] operation = plan.hasRoot() ? plan.getRoot().toByteArray() : plan.getCommand().toByteArray();
    ZstdCompressor compressor = new ZstdCompressor();
    byte[] compressed = new byte[compressor.maxCompressedLength(operation.length)];
    int length = compressor.compress(operation, 0, operation.length, compressed, 0, compressed.length);
    if (length >= operation.length) {
      return plan;
    }
    return Plan.newBuilder().setCompressedOperation(Plan.CompressedOperation.newBuilder()
            .setData(ByteString.copyFrom(compressed, 0, length))
            .setOpType(plan.hasRoot() ? Plan.CompressedOperation.OpType.OP_TYPE_RELATION
                : Plan.CompressedOperation.OpType.OP_TYPE_COMMAND)
            .setCompressionCodec(CompressionCodec.COMPRESSION_CODEC_ZSTD))
        .build();
  }

  private OptionalLong threshold() {
    OptionalLong known = threshold;
    if (known == null) {
      synchronized (this) {
        if (threshold == null) {
          threshold = probe.threshold();
        }
        known = threshold;
      }
    }
    return known;
  }
}
