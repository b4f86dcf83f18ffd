package io.sparkconnect.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.arrow.Ipc.Message;
import io.sparkconnect.arrow.Recorded.Payload;
import io.sparkconnect.arrow.TestValues.Struct;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/**
 * The Arrow batches recorded from real Spark servers decode through both paths to the rows the server announced,
 * compressed ones exactly as their uncompressed twins, and together they cover every Arrow type Spark sends.
 */
class RecordedPayloadsTest {
  private static final String SPARK_41 = "spark-4.1.2";

  /** The rows of a recorded query's batches, decoded in order by one decoder, as the client does. */
  private static List<List<Object>> rows(String server, String query) {
    List<Payload> payloads = Recorded.of(server, query);
    List<List<Object>> rows = new ArrayList<>();
    try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
      decoder.expect(payloads.get(0).fields());
      for (Payload payload : payloads) {
        rows.addAll(Samples.comparableRows(decoder.add(ArrowChunk.whole(ByteBuffer.wrap(payload.ipc()),
            payload.rows()))));
      }
      decoder.finish();
    }
    return rows;
  }

  @Test
  void everyRecordingDecodesThroughBothPathsToItsAnnouncedRows() {
    assertTrue(Recorded.all().size() >= 60, "recordings: " + Recorded.all().size());
    for (Payload payload : Recorded.all()) {
      List<ResultField> fields = payload.fields();
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        decoder.expect(fields);
        List<DecodedBatch> batches = decoder.add(ArrowChunk.whole(ByteBuffer.wrap(payload.ipc()), payload.rows()));
        assertEquals(payload.rows(), batches.stream().mapToLong(DecodedBatch::rowCount).sum(), payload.toString());
        for (DecodedBatch batch : batches) {
          assertEquals(fields.size(), batch.columnCount(), payload.toString());
        }
        long[] seen = new long[1];
        decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(payload.ipc()), payload.rows()),
            root -> seen[0] += root.getRowCount());
        assertEquals(payload.rows(), seen[0], payload.toString());
      }
    }
  }

  @Test
  void compressedRecordingsDecodeExactlyAsTheirUncompressedTwins() {
    Map<String, String> twins = Map.of("mixed_zstd", "mixed", "mixed_lz4", "mixed", "var_width_zstd", "var_width",
        "nested_lz4", "nested", "empty_zstd", "empty");
    twins.forEach((compressed, plain) -> {
      for (Payload payload : Recorded.of(SPARK_41, compressed)) {
        Message batch = Ipc.messages(payload.ipc()).get(1);
        assertTrue(Ipc.compressed(payload.ipc(), batch), payload + " is compressed");
      }
      assertEquals(rows(SPARK_41, plain), rows(SPARK_41, compressed), compressed);
    });
    assertTrue(rows(SPARK_41, "mixed_zstd").size() == 150 && rows(SPARK_41, "empty_zstd").isEmpty());
  }

  @Test
  void theMixedQueryDecodesToExactlyTheRowsItSelects() {
    for (String server : Recorded.servers()) {
      List<List<Object>> rows = rows(server, "mixed");
      assertEquals(150, rows.size());
      for (int id = 0; id < 150; id++) {
        List<Object> expected = Arrays.asList((long) id, (long) id % 3, id * 1.5,
            id % 5 == 0 ? null : "name-" + id % 10, Arrays.asList((long) id, null), Map.of("k", (long) id % 4),
            new Struct("st", null, List.of(id % 2 == 0, LocalDate.of(2024, 1, 1).plusDays(id))),
            new BigDecimal(id).setScale(2),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5).plusSeconds(id).toInstant(ZoneOffset.UTC));
        assertEquals(expected, rows.get(id), server + " row " + id);
      }
    }
  }

  @Test
  void spark41TypesDecodeToTheirValues() {
    assertEquals(List.of(Arrays.asList(LocalTime.of(12, 34, 56, 123_456_000), LocalTime.MIDNIGHT),
        Arrays.asList(null, null)), rows(SPARK_41, "time"));
    assertEquals(List.of(Arrays.asList("", "", List.of("0")), Arrays.asList(null, null, List.of("1")),
        Arrays.asList("ss", "0f0f", List.of("2"))), rows(SPARK_41, "large_var"));
    List<Object> variant = rows(SPARK_41, "variant").get(0);
    assertEquals("v", ((TestValues.Variant) variant.get(0)).name());
    assertEquals(null, variant.get(2));
  }

  @Test
  void theRecordingsCoverEveryArrowTypeSparkSends() {
    Set<String> types = new TreeSet<>();
    Set<String> codecs = new TreeSet<>();
    for (Payload payload : Recorded.all()) {
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(payload.ipc()), payload.rows()),
            root -> root.getSchema().getFields().forEach(field -> addTypes(field, types)));
      }
      if (payload.query().endsWith("_zstd") || payload.query().endsWith("_lz4")) {
        codecs.add(payload.query().substring(payload.query().lastIndexOf('_') + 1));
      }
    }
    assertEquals(Set.of("lz4", "zstd"), codecs);
    for (String type : List.of("Null", "Bool", "Int(8, true)", "Int(16, true)", "Int(32, true)", "Int(64, true)",
        "FloatingPoint(SINGLE)", "FloatingPoint(DOUBLE)", "Decimal(38, 18, 128)", "Utf8", "LargeUtf8", "Binary",
        "LargeBinary", "Date(DAY)", "Timestamp(MICROSECOND, UTC)", "Timestamp(MICROSECOND, null)",
        "Interval(YEAR_MONTH)", "Interval(MONTH_DAY_NANO)", "Duration(MICROSECOND)", "Time(NANOSECOND, 64)",
        "List", "Map(false)", "Struct")) {
      assertTrue(types.contains(type), type + " is not recorded; recorded: " + types);
    }
  }

  private static void addTypes(Field field, Set<String> types) {
    types.add(field.getType().toString());
    field.getChildren().forEach(child -> addTypes(child, types));
  }
}
