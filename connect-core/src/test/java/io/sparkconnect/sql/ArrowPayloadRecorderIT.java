package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records the raw {@code arrow_batch.data} of queries covering every Spark type, as a real server sends them, for
 * connect-arrow's tests (fuzzing and decoding real payloads). Each query's batches must arrive and decode; with
 * {@code -Dsparkconnect.arrow.recordTo=<dir>} they are also written to {@code <dir>/spark-<version>/}, one file per
 * batch, listed with their row counts in {@code manifest.txt}. To re-record, from the repository root:
 * {@code -pl connect-core -Dtest=ArrowPayloadRecorderIT
 * -Dsparkconnect.arrow.recordTo=$PWD/connect-arrow/src/test/resources/io/sparkconnect/arrow/recorded}.
 */
class ArrowPayloadRecorderIT {
  private static final String RECORD_TO = "sparkconnect.arrow.recordTo";
  private static final String CODEC = "spark.sql.execution.arrow.compression.codec";
  /** Recordings are test data kept in the repository: each must stay small. */
  private static final int MAX_PAYLOAD_BYTES = 16 * 1024;

  /** One recorded query: its name, session settings, the SQL, and the first Spark version that has its types. */
  private record Query(String name, Map<String, String> conf, String sql, String since) {}

  private static List<Query> queries(SparkSession spark) {
    List<Query> queries = new ArrayList<>();
    queries.add(withNulls(spark, "numeric", "true AS b, CAST(-128 AS TINYINT) AS t, CAST(32767 AS SMALLINT) AS s, "
        + "2147483647 AS i, -9223372036854775808 AS l, CAST(1.25 AS FLOAT) AS f, CAST(-2.5e300 AS DOUBLE) AS d, "
        + "CAST('NaN' AS DOUBLE) AS nan"));
    queries.add(withNulls(spark, "decimal", "CAST('12345678901234567890.123456789012345678' AS DECIMAL(38,18)) AS big, "
        + "CAST(-1.5 AS DECIMAL(10,2)) AS small, CAST(7 AS DECIMAL(5,0)) AS whole"));
    queries.add(withNulls(spark, "string", "'héllo wörld ✓ 🚀' AS u, '' AS empty, X'CAFE00FF' AS bin, "
        + "CAST('ab' AS CHAR(4)) AS c, CAST('xy' AS VARCHAR(10)) AS v"));
    queries.add(withNulls(spark, "datetime", "DATE'2024-02-29' AS d, DATE'0001-01-01' AS first_day, "
        + "TIMESTAMP'2024-01-02 03:04:05.123456' AS ts, TIMESTAMP'1969-12-31 23:59:59.999999' AS before_epoch, "
        + "TIMESTAMP_NTZ'2024-01-02 03:04:05.123456' AS ntz"));
    queries.add(withNulls(spark, "interval", "INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL '-3' MONTH AS m, "
        + "INTERVAL '1 02:03:04.5' DAY TO SECOND AS dt, INTERVAL '-90' MINUTE AS mins"));
    Query nested = withNulls(spark, "nested", "array(1, NULL, 3) AS ints, array(array('a'), array(), NULL) AS nested, "
        + "map('x', 1, 'y', NULL) AS m, map(1, array('p', 'q')) AS m2, "
        + "named_struct('a', 1, 'b', named_struct('c', 'x', 'd', array(named_struct('e', 1.5D)))) AS deep, "
        + "array(named_struct('k', 'v', 'n', NULL)) AS structs, map('s', named_struct('z', true)) AS struct_values");
    queries.add(nested);
    queries.add(new Query("null_type", Map.of(), "SELECT NULL AS n, 1 AS one", "3.5"));
    String empty = "SELECT 1 AS a, 'x' AS s, array(1) AS arr WHERE false";
    queries.add(new Query("empty", Map.of(), empty, "3.5"));
    queries.add(new Query("batches", Map.of("spark.sql.execution.arrow.maxRecordsPerBatch", "25"),
        "SELECT id, IF(id % 7 = 0, NULL, CAST(id AS STRING)) AS s, CAST(id AS DECIMAL(20,2)) / 4 AS d, "
            + "array(id, id + 1) AS a FROM range(60)", "3.5"));
    String varWidth = "SELECT id, repeat(chr(65 + id % 26), id % 40) AS s, "
        + "IF(id % 9 = 0, NULL, unhex(repeat('AB', id % 20))) AS b FROM range(80)";
    queries.add(new Query("var_width", Map.of(), varWidth, "3.5"));
    String mixed = "SELECT id, id % 3 AS small, CAST(id AS DOUBLE) * 1.5 AS x, "
        + "IF(id % 5 = 0, NULL, concat('name-', id % 10)) AS s, array(id, NULL) AS a, map('k', id % 4) AS m, "
        + "named_struct('p', id % 2 = 0, 'q', date_add(DATE'2024-01-01', CAST(id AS INT))) AS st, "
        + "CAST(id AS DECIMAL(12,2)) AS d, TIMESTAMP'2024-01-02 03:04:05' + make_dt_interval(0, 0, 0, id) AS ts "
        + "FROM range(150)";
    queries.add(new Query("mixed", Map.of(), mixed, "3.5"));
    queries.add(new Query("variant", Map.of(), "SELECT parse_json('{\"a\":1,\"b\":[true,null,\"x\",2.5]}') AS v, "
        + "parse_json('null') AS n, CAST(NULL AS VARIANT) AS missing", "4.0"));
    queries.add(new Query("time", Map.of("spark.sql.timeType.enabled", "true"),
        "SELECT TIME'12:34:56.123456' AS t, TIME'00:00:00' AS midnight UNION ALL SELECT NULL, NULL", "4.1"));
    queries.add(new Query("calendar_interval", Map.of(), "SELECT IF(id = 0, make_interval(1, 2, 3, 4, 5, 6, 7.5), "
        + "NULL) AS ci FROM range(2)", "4.1"));
    queries.add(new Query("large_var", Map.of("spark.sql.execution.arrow.useLargeVarTypes", "true"),
        "SELECT IF(id = 1, NULL, repeat('s', id)) AS s, IF(id = 1, NULL, unhex(repeat('0F', id))) AS b, "
            + "array(CAST(id AS STRING)) AS a FROM range(3)", "3.5"));
    queries.add(new Query("mixed_zstd", Map.of(CODEC, "zstd"), mixed, "4.1"));
    queries.add(new Query("mixed_lz4", Map.of(CODEC, "lz4"), mixed, "4.1"));
    queries.add(new Query("var_width_zstd", Map.of(CODEC, "zstd"), varWidth, "4.1"));
    queries.add(new Query("nested_lz4", Map.of(CODEC, "lz4"), nested.sql(), "4.1"));
    queries.add(new Query("empty_zstd", Map.of(CODEC, "zstd"), empty, "4.1"));
    return queries;
  }

  /** A query of one row of {@code selectList} and one row of the same columns all null. */
  private static Query withNulls(SparkSession spark, String name, String selectList) {
    StructType schema = spark.sql("SELECT " + selectList).schema();
    StringBuilder nulls = new StringBuilder();
    for (int i = 0; i < schema.size(); i++) {
      nulls.append(i == 0 ? "" : ", ").append("CAST(NULL AS ").append(schema.field(i).dataType().sql())
          .append(")");
    }
    return new Query(name, Map.of(), "SELECT " + selectList + " UNION ALL SELECT " + nulls, "3.5");
  }

  @SparkConnectTest
  void recordsTheArrowBatchesOfEverySparkType(SparkConnectServer server) throws IOException {
    ArrowBatchCapture batches = new ArrowBatchCapture();
    List<String> manifest = new ArrayList<>();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).interceptor(batches)
        .build()) {
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      for (Query query : queries(spark)) {
        if (server.sparkVersion().compareTo(query.since()) < 0) {
          continue;
        }
        query.conf().forEach((key, value) -> spark.conf().set(key, value));
        batches.seen.clear();
        long rows;
        try {
          rows = spark.sql(query.sql()).collect().size();
        } finally {
          query.conf().keySet().forEach(key -> spark.conf().unset(key));
          manifest.add("# " + query.name() + " " + query.conf() + ": " + query.sql());
          for (int i = 0; i < batches.seen.size(); i++) {
            manifest.add(query.name() + "-" + i + ".arrow " + batches.seen.get(i).getRowCount());
          }
          save(server.sparkVersion(), query.name(), batches.seen, manifest);
        }
        assertFalse(batches.seen.isEmpty(), query.name() + ": no Arrow batch arrived");
        assertEquals(rows, batches.seen.stream().mapToLong(ExecutePlanResponse.ArrowBatch::getRowCount).sum(),
            query.name());
        for (ExecutePlanResponse.ArrowBatch batch : batches.seen) {
          assertTrue(batch.getData().size() <= MAX_PAYLOAD_BYTES,
              query.name() + ": a batch of " + batch.getData().size() + " bytes");
        }
      }
    }
  }

  /** Writes the batches and the manifest so far, when recording was asked for. */
  private static void save(String version, String name, List<ExecutePlanResponse.ArrowBatch> batches,
      List<String> manifest) throws IOException {
    String recordTo = System.getProperty(RECORD_TO);
    if (recordTo == null) {
      return;
    }
    Path dir = Files.createDirectories(Path.of(recordTo, "spark-" + version));
    for (int i = 0; i < batches.size(); i++) {
      Files.write(dir.resolve(name + "-" + i + ".arrow"), batches.get(i).getData().toByteArray());
    }
    Files.write(dir.resolve("manifest.txt"), manifest, StandardCharsets.UTF_8);
  }
}
