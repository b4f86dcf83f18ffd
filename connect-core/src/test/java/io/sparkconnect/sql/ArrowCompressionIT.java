package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * Compressed Arrow batches from a real server: 4.1+ servers compress them when the session sets {@code
 * spark.sql.execution.arrow.compression.codec} to {@code zstd} or {@code lz4}, and the client decodes them exactly;
 * 3.5 servers have no such setting and keep sending uncompressed batches.
 */
class ArrowCompressionIT {
  private static final String CODEC = "spark.sql.execution.arrow.compression.codec";
  private static final int ROWS = 25_000;
  private static final String QUERY = "SELECT id, CAST(id % 100 AS INT) AS i, id * 0.5D AS d, "
      + "IF(id % 7 = 0, NULL, concat('row-', id % 50)) AS s, CAST(id AS DECIMAL(18,3)) AS dec, "
      + "date_add(DATE'2024-01-01', CAST(id % 365 AS INT)) AS day, "
      + "TIMESTAMP'2024-01-02 03:04:05' + make_dt_interval(0, 0, 0, id % 1000) AS ts, "
      + "IF(id % 11 = 0, NULL, unhex(lpad(hex(id % 256), 2, '0'))) AS bin, array(id, NULL) AS arr, "
      + "map('k', CAST(id % 3 AS INT)) AS m, named_struct('a', id % 2 = 0, 'b', CAST(id AS STRING)) AS st "
      + "FROM range(" + ROWS + ")";

  /** The codec of the record batch in an Arrow IPC payload: Arrow's CompressionType, or -1 if uncompressed. */
  private static int codec(ExecutePlanResponse.ArrowBatch batch) {
    ByteBuffer ipc = batch.getData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    while (ipc.remaining() >= 8) {
      int length = ipc.getInt();
      length = length == -1 ? ipc.getInt() : length;
      Message message = Message.getRootAsMessage(ipc.slice().limit(length).order(ByteOrder.LITTLE_ENDIAN));
      if (message.headerType() == MessageHeader.RecordBatch) {
        RecordBatch header = (RecordBatch) message.header(new RecordBatch());
        return header.compression() == null ? -1 : header.compression().codec();
      }
      ipc.position(ipc.position() + length + (int) message.bodyLength());
    }
    throw new AssertionError("no record batch in the payload");
  }

  private static void assertExactRows(List<Row> rows, String codec) {
    assertEquals(ROWS, rows.size(), codec);
    for (int id = 0; id < ROWS; id++) {
      Row row = rows.get(id);
      String where = codec + ", row " + id;
      assertEquals(id, row.getLong(0), where);
      assertEquals(id % 100, row.getInt(1), where);
      assertEquals(id * 0.5, row.getDouble(2), where);
      assertEquals(id % 7 == 0 ? null : "row-" + id % 50, row.getString(3), where);
      assertEquals(new BigDecimal(id).setScale(3), row.getDecimal(4), where);
      assertEquals(LocalDate.of(2024, 1, 1).plusDays(id % 365), row.getDate(5), where);
      assertEquals(Instant.parse("2024-01-02T03:04:05Z").plusSeconds(id % 1000), row.getTimestamp(6), where);
      if (id % 11 == 0) {
        assertNull(row.getBinary(7), where);
      } else {
        assertArrayEquals(new byte[] {(byte) (id % 256)}, row.getBinary(7), where);
      }
      assertEquals(Arrays.asList((long) id, null), row.getList(8), where);
      assertEquals(Map.of("k", id % 3), row.getMap(9), where);
      assertEquals(id % 2 == 0, row.getStruct(10).getBoolean(0), where);
      assertEquals(Long.toString(id), row.getStruct(10).getString(1), where);
    }
  }

  @SparkConnectTest
  void compressedBatchesDecodeExactly(SparkConnectServer server) {
    boolean compresses = server.sparkVersion().compareTo("4.1") >= 0;
    ArrowBatchCapture batches = new ArrowBatchCapture();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).interceptor(batches)
        .build()) {
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      for (String codec : List.of("zstd", "lz4")) {
        spark.conf().set(CODEC, codec);
        batches.seen.clear();
        assertExactRows(spark.sql(QUERY).collect(), codec);
        assertTrue(batches.seen.size() > 1, codec + ": several batches");
        int expected = !compresses ? -1 : codec.equals("zstd") ? 1 : 0;
        for (ExecutePlanResponse.ArrowBatch batch : batches.seen) {
          assertEquals(expected, codec(batch), codec + " on " + server.sparkVersion());
        }
        assertEquals(ROWS, spark.sql(QUERY).forEachArrowBatch(root -> { }), codec + " through Arrow vectors");
        assertEquals(List.of(), spark.sql(QUERY + " WHERE id < 0").collect(), codec + ": an empty result");
      }
      spark.conf().unset(CODEC);
      batches.seen.clear();
      assertExactRows(spark.sql(QUERY).collect(), "none");
      assertTrue(batches.seen.stream().allMatch(batch -> codec(batch) == -1), "uncompressed once unset");
    }
  }
}
