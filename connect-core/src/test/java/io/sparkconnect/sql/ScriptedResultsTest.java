package io.sparkconnect.sql;

import static io.sparkconnect.sql.Responses.batch;
import static io.sparkconnect.sql.Responses.chunk;
import static io.sparkconnect.sql.Responses.metrics;
import static io.sparkconnect.sql.Responses.schema;
import static io.sparkconnect.sql.Responses.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.sparkconnect.proto.ExecutePlanResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Result streams no real server produces on demand, sent by a {@link ScriptedServer} and read through the public
 * API: every way of reading a result (collect, first, toLocalIterator, forEachArrowBatch) runs the same checks.
 */
class ScriptedResultsTest {
  private static final String QUERY = "SELECT id, s FROM t";

  private ScriptedServer server;
  private SparkSession spark;

  @BeforeEach
  void start() {
    server = ScriptedServer.start();
    spark = server.newSession();
  }

  @AfterEach
  void stop() {
    spark.close();
    server.close();
  }

  /** The rows {@code first} to {@code first + rows - 1} as (id, s) lists. */
  private static List<List<Object>> expected(long first, int rows) {
    List<List<Object>> out = new ArrayList<>();
    for (long i = first; i < first + rows; i++) {
      out.add(Arrays.asList(i, ArrowPayloads.string(i)));
    }
    return out;
  }

  private static List<List<Object>> values(List<Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Row row : rows) {
      out.add(Arrays.asList(row.get(0), row.get(1)));
    }
    return out;
  }

  private List<Row> iterate() {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = spark.sql(QUERY).toLocalIterator()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The rows forEachArrowBatch hands out, read from its vectors, checking that it returns their number. */
  private List<List<Object>> viaArrow() {
    List<List<Object>> rows = new ArrayList<>();
    long count = spark.sql(QUERY).forEachArrowBatch(root -> {
      BigIntVector ids = (BigIntVector) root.getVector(0);
      for (int i = 0; i < root.getRowCount(); i++) {
        Object s = root.getVector(1).getObject(i);
        rows.add(Arrays.asList(ids.get(i), s == null ? null : s.toString()));
      }
    });
    assertEquals(rows.size(), count, "forEachArrowBatch returns the rows it handed out");
    return rows;
  }

  /** The message the same script fails with through collect, toLocalIterator and forEachArrowBatch. */
  private String failureOnEveryPath(ExecutePlanResponse... responses) {
    List<String> messages = new ArrayList<>();
    List<Function<DataFrame, Object>> paths = List.of(DataFrame::collect, df -> {
      try (CloseableIterator<Row> rows = df.toLocalIterator()) {
        rows.forEachRemaining(row -> { });
      }
      return null;
    }, df -> df.forEachArrowBatch(root -> { }));
    for (Function<DataFrame, Object> path : paths) {
      server.onExecute(responses);
      DataFrame df = spark.sql(QUERY);
      SparkConnectException error = assertThrows(SparkConnectException.class, () -> path.apply(df));
      messages.add(error.getMessage().replaceAll("operation [0-9a-f-]+", "operation X"));
    }
    assertEquals(messages.get(0), messages.get(1), "collect and toLocalIterator check alike");
    assertEquals(messages.get(0), messages.get(2), "collect and forEachArrowBatch check alike");
    return messages.get(0);
  }

  private static void assertContains(String message, String expected) {
    assertTrue(message.contains(expected), () -> "'" + expected + "' not in: " + message);
  }

  // ---- schema agreement

  @Test
  void anArrowSchemaChangeBetweenBatchesFailsTheResult() {
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.rows(0, 5), 5, 0),
        batch(ArrowPayloads.largeStringRows(5, 5), 5, 5), metrics());
    assertContains(error, "The result of operation X could not be decoded: Arrow batch 2 of the result has column "
        + "'s' of type LargeUtf8 nullable where the first had Utf8 nullable");
  }

  @Test
  void rowsBeforeASchemaChangeAreReadButTheChangeStillFails() {
    server.onExecute(schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.rows(0, 5), 5, 0),
        batch(ArrowPayloads.largeStringRows(5, 5), 5, 5), metrics());
    List<Row> read = new ArrayList<>();
    try (CloseableIterator<Row> rows = spark.sql(QUERY).toLocalIterator()) {
      SparkConnectException error = assertThrows(SparkConnectException.class,
          () -> rows.forEachRemaining(read::add));
      assertContains(error.getMessage(), "Arrow batch 2 of the result has column 's'");
    }
    assertEquals(expected(0, 5), values(read), "the first batch's rows, and none read under the changed schema");
  }

  // ---- results without a schema

  @Test
  void aResultWithoutASchemaIsReadUnderTheSchemaOfItsArrowData() {
    ExecutePlanResponse[] script = {batch(ArrowPayloads.rows(0, 6), 6, 0), batch(ArrowPayloads.rows(6, 4), 4, 6),
        metrics()};
    server.onExecute(script);
    List<Row> rows = spark.sql(QUERY).collect();
    assertEquals(expected(0, 10), values(rows));
    assertEquals(ArrowPayloads.SCHEMA, rows.get(0).schema(), "id bigint not null, s string, from Arrow");
    assertEquals("s1", rows.get(1).getString(rows.get(1).fieldIndex("s")));

    server.onExecute(script);
    assertEquals(expected(0, 10), values(iterate()));
    server.onExecute(script);
    assertEquals(expected(0, 10), viaArrow());
    server.onExecute(script);
    Row first = spark.sql(QUERY).first();
    assertEquals(List.of(0L, "s0"), Arrays.asList(first.get(0), first.get(1)));
    assertEquals(ArrowPayloads.SCHEMA, first.schema());
  }

  @Test
  void aResultWithNeitherSchemaNorBatchesFails() {
    String error = failureOnEveryPath(metrics());
    assertContains(error, "The result of operation X ended with neither a schema nor an Arrow batch; a query "
        + "result has at least one batch, even without rows");
  }

  @Test
  void anEmptyResultKeepsItsSchemaOnEveryPath() {
    ExecutePlanResponse[] script = {schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.rows(0, 0), 0, 0), metrics()};
    server.onExecute(script);
    assertEquals(List.of(), spark.sql(QUERY).collect());
    server.onExecute(script);
    assertEquals(List.of(), iterate());
    server.onExecute(script);
    assertEquals(List.of(), viaArrow());
  }

  // ---- chunks, offsets and row counts

  @Test
  void chunkedBatchesAreJoinedAndZeroChunksMeansWhole() {
    byte[] first = ArrowPayloads.rows(0, 40);
    ByteString[] parts = slices(first, 256);
    List<ExecutePlanResponse> script = new ArrayList<>(List.of(schema(ArrowPayloads.SCHEMA)));
    for (int i = 0; i < parts.length; i++) {
      script.add(chunk(parts[i], 40, 0, i, parts.length));
    }
    script.add(chunk(ByteString.copyFrom(ArrowPayloads.rows(40, 3)), 3, 40, 0, 0));
    script.add(metrics());
    server.onExecute(script.toArray(new ExecutePlanResponse[0]));
    assertEquals(expected(0, 43), values(spark.sql(QUERY).collect()));
    server.onExecute(script.toArray(new ExecutePlanResponse[0]));
    assertEquals(expected(0, 43), viaArrow());
  }

  @Test
  void aLaterChunkAnnouncingAnotherNumberOfChunksFails() {
    ByteString[] parts = slices(ArrowPayloads.rows(0, 40), 256);
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), chunk(parts[0], 40, 0, 0, parts.length),
        chunk(parts[1], 40, 0, 1, parts.length + 1));
    assertContains(error, "could not be decoded: Chunks of one Arrow batch disagree on their number: "
        + parts.length + " and " + (parts.length + 1));
  }

  @Test
  void aGapInTheChunkIndexesFails() {
    ByteString[] parts = slices(ArrowPayloads.rows(0, 40), 256);
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), chunk(parts[0], 40, 0, 0, parts.length),
        chunk(parts[2], 40, 0, 2, parts.length));
    assertContains(error, "could not be decoded: Arrow batch chunk 2 arrived, expected chunk 1; the result stream "
        + "is out of order");
  }

  @Test
  void aLaterChunkAnnouncingAnotherStartOffsetFails() {
    ByteString[] parts = slices(ArrowPayloads.rows(0, 40), 256);
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), chunk(parts[0], 40, 0, 0, parts.length),
        chunk(parts[1], 40, 3, 1, parts.length));
    assertContains(error, "could not be decoded: Chunks of one Arrow batch disagree on its start row: 0 and 3");
  }

  @Test
  void aBatchNotStartingWhereThePreviousEndedFails() {
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.rows(0, 5), 5, 0),
        batch(ArrowPayloads.rows(5, 5), 5, 4), metrics());
    assertContains(error, "could not be decoded: Arrow batch starts at row 4 but 5 rows arrived before it; rows "
        + "were lost or repeated");
  }

  @Test
  void aRowCountDisagreeingWithTheArrowDataFails() {
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.rows(0, 5), 6, 0),
        metrics());
    assertContains(error, "could not be decoded: An Arrow batch announced 6 rows but holds 5");
    error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.rows(0, 5), 4, 0), metrics());
    assertContains(error, "could not be decoded: An Arrow batch announced 4 rows but holds at least 5");
  }

  @Test
  void aResultEndingInsideAChunkedBatchFails() {
    ByteString[] parts = slices(ArrowPayloads.rows(0, 40), 256);
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), chunk(parts[0], 40, 0, 0, parts.length),
        metrics());
    assertContains(error, "could not be decoded: The result ended in the middle of a chunked Arrow batch: 1 of "
        + parts.length + " chunks arrived");
  }

  @Test
  void chunkBufferingIsBoundedByTheArrowMemoryLimit() {
    ByteString first = ByteString.copyFrom(new byte[1 << 20]);
    long chunks = Runtime.getRuntime().maxMemory();
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA), chunk(first, 1, 0, 0, chunks),
        chunk(first, 1, 0, 1, chunks));
    assertContains(error, "could not be decoded: An Arrow batch announced " + chunks + " chunks, the first of "
        + (1 << 20) + " bytes: at least " + (chunks - 1) + " x " + (1 << 20) + " bytes, more than the Arrow "
        + "memory limit of " + Runtime.getRuntime().maxMemory() / 2 + " bytes");
    assertEquals(3, server.queries().size());
  }

  // ---- Arrow data

  @Test
  void malformedArrowDataFails() {
    byte[] ipc = ArrowPayloads.rows(0, 5);
    String error = failureOnEveryPath(schema(ArrowPayloads.SCHEMA),
        batch(Arrays.copyOf(ipc, ipc.length - 40), 5, 0), metrics());
    assertContains(error, "could not be decoded: Arrow IPC");
    assertContains(error, "the stream is truncated or corrupt");
  }

  @Test
  void dictionaryEncodedColumnsAreDecoded() {
    ExecutePlanResponse[] script = {schema(ArrowPayloads.SCHEMA), batch(ArrowPayloads.dictionaryRows(0, 9), 9, 0),
        batch(ArrowPayloads.rows(9, 3), 3, 9), metrics()};
    server.onExecute(script);
    assertEquals(expected(0, 12), values(spark.sql(QUERY).collect()));
    server.onExecute(script);
    assertEquals(expected(0, 12), viaArrow());
    server.onExecute(script);
    assertFalse(iterate().isEmpty());
  }
}
