package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.CompressionCodec;
import io.sparkconnect.proto.LocalRelation;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SQL;
import io.sparkconnect.proto.SqlCommand;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanCompressionTest {
  private final AtomicInteger probes = new AtomicInteger();

  private PlanCompression compression(OptionalLong threshold) {
    return new PlanCompression(() -> {
      probes.incrementAndGet();
      return threshold;
    });
  }

  private static Plan sql(String query) {
    return Plan.newBuilder().setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(query))).build();
  }

  private static String literal(int bytes) {
    return "SELECT '" + "spark ".repeat(bytes / 6) + "' AS s";
  }

  @Test
  void aLargePlanAboveTheThresholdTravelsAsZstdOfItsRelation() throws Exception {
    Plan plan = sql(literal(PlanCompression.PROBE_FLOOR * 4));
    Plan sent = compression(OptionalLong.of(100_000)).apply(plan);
    Plan.CompressedOperation compressed = sent.getCompressedOperation();
    assertEquals(Plan.CompressedOperation.OpType.OP_TYPE_RELATION, compressed.getOpType());
    assertEquals(CompressionCodec.COMPRESSION_CODEC_ZSTD, compressed.getCompressionCodec());
    assertTrue(compressed.getData().size() < plan.getSerializedSize() / 10, "compressed: " + compressed.getData().size());
    byte[] data = compressed.getData().toByteArray();
    byte[] restored = new byte[plan.getRoot().getSerializedSize()];
    int length = new ZstdDecompressor().decompress(data, 0, data.length, restored, 0, restored.length);
    assertEquals(restored.length, length);
    assertEquals(plan.getRoot(), Relation.parseFrom(restored));
  }

  @Test
  void aCommandIsMarkedAsACommand() {
    Plan plan = Plan.newBuilder().setCommand(Command.newBuilder()
        .setSqlCommand(SqlCommand.newBuilder().setSql(literal(PlanCompression.PROBE_FLOOR * 2)))).build();
    assertEquals(Plan.CompressedOperation.OpType.OP_TYPE_COMMAND,
        compression(OptionalLong.of(0)).apply(plan).getCompressedOperation().getOpType());
  }

  @Test
  void smallPlansAreSentAsTheyAreWithoutAskingTheServer() {
    PlanCompression compression = compression(OptionalLong.of(0));
    Plan small = sql(literal(PlanCompression.PROBE_FLOOR - 1000));
    assertSame(small, compression.apply(small));
    assertEquals(0, probes.get());
  }

  @Test
  void theServerIsAskedOnceAndPlansAtOrBelowItsThresholdStayAsTheyAre() {
    Plan plan = sql(literal(PlanCompression.PROBE_FLOOR * 2));
    PlanCompression compression = compression(OptionalLong.of(plan.getSerializedSize()));
    assertSame(plan, compression.apply(plan));
    assertSame(plan, compression.apply(plan));
    assertEquals(1, probes.get());
  }

  @Test
  void aServerWithoutPlanCompressionGetsThePlanAsItIs() {
    Plan plan = sql(literal(PlanCompression.PROBE_FLOOR * 2));
    assertSame(plan, compression(OptionalLong.empty()).apply(plan));
  }

  @Test
  void anIncompressiblePlanIsSentAsItIs() {
    byte[] noise = new byte[PlanCompression.PROBE_FLOOR * 2];
    new Random(7).nextBytes(noise);
    Plan plan = Plan.newBuilder().setRoot(Relation.newBuilder().setLocalRelation(LocalRelation.newBuilder()
        .setData(ByteString.copyFrom(noise)))).build();
    assertSame(plan, compression(OptionalLong.of(0)).apply(plan));
  }

  @Test
  void readsTheServersOptions() {
    assertEquals(OptionalLong.of(10_485_760), PlanCompression.threshold("10485760", "ZSTD"));
    assertEquals(OptionalLong.of(5), PlanCompression.threshold(" 5 ", "zstd"));
    assertEquals(OptionalLong.empty(), PlanCompression.threshold(null, null), "3.5 and 4.0 have no such keys");
    assertEquals(OptionalLong.empty(), PlanCompression.threshold("10485760", "LZ4"), "only ZSTD is known");
    assertEquals(OptionalLong.empty(), PlanCompression.threshold("10MB", "ZSTD"));
    assertEquals(OptionalLong.empty(), PlanCompression.threshold("-1", "ZSTD"));
  }
}
