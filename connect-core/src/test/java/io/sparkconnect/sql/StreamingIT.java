package io.sparkconnect.sql;

import static io.sparkconnect.sql.functions.col;
import static io.sparkconnect.sql.functions.count;
import static io.sparkconnect.sql.functions.expr;
import static io.sparkconnect.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.streaming.StreamingQuery;
import io.sparkconnect.sql.streaming.StreamingQueryException;
import io.sparkconnect.sql.streaming.StreamingQueryListener;
import io.sparkconnect.sql.streaming.StreamingQueryManager;
import io.sparkconnect.sql.streaming.StreamingQueryProgress;
import io.sparkconnect.sql.streaming.StreamingQueryStatus;
import io.sparkconnect.sql.streaming.Trigger;
import io.sparkconnect.testkit.FaultInjectingProxy;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Structured Streaming against real servers: file sources whose content the test controls, so every window,
 * count and progress figure is exact; memory, parquet sinks; triggers; failures; the query manager; listeners;
 * a connection cut while the client waits.
 */
class StreamingIT {
  private static final String SCHEMA = "ts TIMESTAMP, word STRING, n INT";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static SparkSession session(SparkConnectServer server) {
    SparkSession spark = SparkSession.builder().remote(server.connectionString()).build();
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    return spark;
  }

  /** Writes a JSON Lines file whole: first under a hidden name Spark ignores, then renamed into place. */
  private static void writeJson(Path dir, String name, String... lines) throws IOException {
    Path hidden = dir.resolve("." + name + ".tmp");
    Files.write(hidden, List.of(lines), StandardCharsets.UTF_8);
    Files.move(hidden, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String event(String time, String word, int n) {
    return "{\"ts\":\"2024-01-01T" + time + "Z\",\"word\":\"" + word + "\",\"n\":" + n + "}";
  }

  private static List<String> windows(SparkSession spark, String table) {
    return spark.table(table).selectExpr("concat_ws('|', date_format(w.start, 'HH:mm:ss'), "
            + "date_format(w.end, 'HH:mm:ss'), word, CAST(c AS STRING), CAST(total AS STRING)) AS line")
        .orderBy(col("line")).collect().stream().map(row -> row.getString(0)).collect(Collectors.toList());
  }

  private static DataFrame windowed(SparkSession spark, Path dir) {
    return spark.readStream().schema(SCHEMA).json(dir.toString())
        .withWatermark("ts", "5 seconds")
        .groupBy(expr("window(ts, '10 seconds')").alias("w"), col("word"))
        .agg(count("*").alias("c"), sum("n").alias("total"));
  }

  @SparkConnectTest
  void aWatermarkedWindowedAggregationWritesClosedWindowsExactly(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-windows");
    String table = "windows_" + UUID.randomUUID().toString().replace("-", "");
    try (SparkSession spark = session(server)) {
      DataFrame stream = windowed(spark, dir);
      assertTrue(stream.isStreaming(), "a readStream() plan is streaming");
      assertFalse(spark.range(3).isStreaming());
      StreamingQuery query = stream.writeStream().format("memory").queryName(table).outputMode("append")
          .start();
      try {
        assertEquals(table, query.name());
        writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:03", "b", 2), event("00:00:07", "a", 3),
            event("00:00:12", "a", 4));
        query.processAllAvailable();
        assertEquals(List.of(), windows(spark, table), "the watermark (00:00:07) closes no window yet");

        writeJson(dir, "2", event("00:00:25", "b", 5), event("00:00:14", "b", 6));
        query.processAllAvailable();
        assertEquals(List.of("00:00:00|00:00:10|a|2|4", "00:00:00|00:00:10|b|1|2", "00:00:10|00:00:20|a|1|4",
            "00:00:10|00:00:20|b|1|6"), windows(spark, table), "the watermark (00:00:20) closed two windows");

        writeJson(dir, "3", event("00:00:02", "a", 100), event("00:00:41", "c", 7));
        query.processAllAvailable();
        assertEquals(List.of("00:00:00|00:00:10|a|2|4", "00:00:00|00:00:10|b|1|2", "00:00:10|00:00:20|a|1|4",
            "00:00:10|00:00:20|b|1|6", "00:00:20|00:00:30|b|1|5"), windows(spark, table),
            "the late row of 00:00:02 is dropped; the watermark (00:00:36) closes 00:00:20-00:00:30");

        StreamingQueryProgress last = query.lastProgress();
        assertNotNull(last);
        assertEquals(1, last.stateOperators().size(), last.json());
        assertEquals("2024-01-01T00:00:36.000Z", last.eventTime().get("watermark"), last.json());
      } finally {
        query.stop();
      }
      assertFalse(query.isActive());
    }
  }

  @SparkConnectTest
  void completeModeRewritesEveryWindow(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-complete");
    String table = "complete_" + UUID.randomUUID().toString().replace("-", "");
    try (SparkSession spark = session(server)) {
      StreamingQuery query = windowed(spark, dir).writeStream().format("memory").queryName(table)
          .outputMode("complete").start();
      try {
        writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:03", "a", 2), event("00:00:12", "b", 4));
        query.processAllAvailable();
        assertEquals(List.of("00:00:00|00:00:10|a|2|3", "00:00:10|00:00:20|b|1|4"), windows(spark, table));
        writeJson(dir, "2", event("00:00:09", "a", 10));
        query.processAllAvailable();
        assertEquals(List.of("00:00:00|00:00:10|a|3|13", "00:00:10|00:00:20|b|1|4"), windows(spark, table),
            "complete mode writes the updated window again");
      } finally {
        query.stop();
      }
    }
  }

  @SparkConnectTest
  void duplicatesWithinTheWatermarkAreDroppedAcrossBatches(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-dedup");
    String table = "dedup_" + UUID.randomUUID().toString().replace("-", "");
    try (SparkSession spark = session(server)) {
      StreamingQuery query = spark.readStream().schema(SCHEMA).json(dir.toString())
          .withWatermark("ts", "1 minute").dropDuplicatesWithinWatermark("word")
          .writeStream().format("memory").queryName(table).start();
      try {
        writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:01", "a", 1), event("00:00:03", "b", 2));
        query.processAllAvailable();
        writeJson(dir, "2", event("00:00:01", "a", 1), event("00:00:05", "c", 3), event("00:00:06", "b", 2));
        query.processAllAvailable();
        assertEquals(List.of("a|1", "b|2", "c|3"), spark.table(table).selectExpr("concat_ws('|', word, n)")
            .orderBy(col("word")).collect().stream().map(row -> row.getString(0)).collect(Collectors.toList()),
            "a and b repeated within the minute are dropped, in the same batch and the next");
      } finally {
        query.stop();
      }
    }
  }

  @SparkConnectTest
  void aFileSourcePicksUpFilesWrittenAfterTheStartAndReportsProgress(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-files");
    String table = "files_" + UUID.randomUUID().toString().replace("-", "");
    try (SparkSession spark = session(server)) {
      StreamingQuery query = spark.readStream().schema(SCHEMA).format("json").load(dir.toString())
          .writeStream().format("memory").queryName(table).start();
      try {
        query.processAllAvailable();
        assertEquals(0, spark.table(table).count());
        writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:02", "b", 2), event("00:00:03", "c", 3));
        query.processAllAvailable();
        assertEquals(3, spark.table(table).count());
        writeJson(dir, "2", event("00:01:00", "d", 4), event("00:01:01", "e", 5));
        writeJson(dir, "3", event("00:02:00", "f", 6), event("00:02:01", "g", 7), event("00:02:02", "h", 8),
            event("00:02:03", "i", 9));
        query.processAllAvailable();
        assertEquals(9, spark.table(table).count());
        assertEquals(45, spark.table(table).selectExpr("sum(n)").collect().get(0).getLong(0));

        StreamingQueryStatus status = query.status();
        assertTrue(status.isActive(), status.toString());
        assertFalse(status.message().isEmpty(), status.toString());
        List<StreamingQueryProgress> recent = query.recentProgress();
        assertEquals(9, recent.stream().mapToLong(StreamingQueryProgress::numInputRows).sum(),
            "every row read appears in exactly one progress report: " + recent);
        StreamingQueryProgress last = query.lastProgress();
        assertEquals(recent.get(recent.size() - 1).json(), last.json());
        assertEquals(query.id(), last.id());
        assertEquals(query.runId(), last.runId());
        assertEquals(table, last.name());
        assertNotNull(last.timestamp());
        assertTrue(last.batchId() >= 1, last.json());
        assertTrue(last.durationMs().containsKey("triggerExecution"), last.json());
        assertEquals(1, last.sources().size(), last.json());
        assertTrue(last.sources().get(0).description().startsWith("FileStreamSource"), last.json());
        assertEquals(last.numInputRows(), last.sources().get(0).numInputRows());
        assertTrue(last.sink().description().startsWith("MemorySink"), last.json());
        assertTrue(query.explainString(false).contains("FileStreamSource")
            || query.explainString(false).contains("Scan json"), query.explainString(false));
      } finally {
        query.stop();
      }
      assertFalse(query.isActive());
      assertEquals(Optional.empty(), query.exception());
      assertEquals(9, spark.table(table).count(), "a memory table keeps its rows after the stop");
    }
  }

  @SparkConnectTest
  void anAvailableNowQueryStopsByItself(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-available-now");
    Path out = Files.createTempDirectory("streaming-it-available-now-out");
    writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:02", "b", 2));
    writeJson(dir, "2", event("00:00:03", "c", 3));
    try (SparkSession spark = session(server)) {
      StreamingQuery query = spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", 1).json(dir.toString())
          .writeStream().format("parquet").option("checkpointLocation", out.resolve("_checkpoint").toString())
          .trigger(Trigger.availableNow()).start(out.resolve("data").toString());
      assertTrue(query.awaitTermination(WAIT), "availableNow ends once it read every file");
      assertFalse(query.isActive());
      assertEquals(Optional.empty(), query.exception());
      query.awaitTermination();
      assertEquals(List.of(2L, 1L), query.recentProgress().stream().map(StreamingQueryProgress::numInputRows)
          .filter(rows -> rows > 0).collect(Collectors.toList()), "maxFilesPerTrigger=1 made one batch per file");
      assertEquals(3, spark.read().parquet(out.resolve("data").toString()).count());
    }
  }

  @SparkConnectTest
  void aFailingQueryReportsItsTypedException(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-failing");
    try (SparkSession spark = session(server)) {
      StreamingQuery query = spark.readStream().schema(SCHEMA).json(dir.toString())
          .selectExpr("CASE WHEN n > 2 THEN raise_error(concat('bad row ', word)) ELSE n END AS n")
          .writeStream().format("memory").queryName("failing_" + UUID.randomUUID().toString().replace("-", ""))
          .start();
      writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:02", "boom", 3));
      StreamingQueryException thrown = assertThrows(StreamingQueryException.class,
          () -> query.awaitTermination(WAIT));
      assertEquals(query.id(), thrown.queryId());
      assertEquals(query.runId(), thrown.runId());
      assertTrue(thrown.getMessage().contains("bad row boom"), thrown.getMessage());
      assertNotNull(thrown.getCause(), "the server's error is kept as cause");
      StreamingQueryException reported = query.exception().orElseThrow();
      assertTrue(reported.getMessage().contains("bad row boom"), reported.getMessage());
      assertFalse(query.isActive());
      assertThrows(StreamingQueryException.class, query::awaitTermination, "waiting again fails the same way");
      assertThrows(StreamingQueryException.class, query::processAllAvailable);
    }
  }

  @SparkConnectTest
  void aMissingPathFailsAtStart(SparkConnectServer server) {
    try (SparkSession spark = session(server)) {
      String missing = "/nonexistent/streaming-it/" + UUID.randomUUID();
      SparkServerException error = assertThrows(SparkServerException.class, () -> spark.readStream()
          .format("parquet").load(missing).writeStream().format("memory").queryName("never").start());
      assertTrue(error.getMessage().contains("nonexistent") || error.getMessage().contains("schema"),
          error.getMessage());
    }
  }

  @SparkConnectTest
  void theManagerListsGetsAndAwaitsTheSessionsQueries(SparkConnectServer server) throws Exception {
    try (SparkSession spark = session(server)) {
      StreamingQueryManager streams = spark.streams();
      assertTrue(streams == spark.streams(), "one manager per session");
      streams.resetTerminated();
      assertEquals(List.of(), streams.active());
      String name = "rate_" + UUID.randomUUID().toString().replace("-", "");
      StreamingQuery query = spark.readStream().rate(10).writeStream().format("memory").queryName(name)
          .trigger(Trigger.processingTime(Duration.ofMillis(200))).start();
      assertTrue(query.isActive());
      long end = System.nanoTime() + WAIT.toNanos();
      while (spark.table(name).count() == 0 && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      assertTrue(spark.table(name).count() > 0, "the rate source writes rows");
      assertEquals(List.of(query.id()), streams.active().stream().map(StreamingQuery::id)
          .collect(Collectors.toList()));
      StreamingQuery found = streams.get(query.id()).orElseThrow();
      assertEquals(query.runId(), found.runId());
      assertEquals(name, found.name());
      assertEquals(Optional.empty(), streams.get(UUID.randomUUID()));
      assertFalse(streams.awaitAnyTermination(Duration.ofMillis(500)), "no query has stopped yet");
      assertFalse(query.awaitTermination(Duration.ofMillis(300)));

      found.stop();
      assertFalse(query.isActive(), "stopped through the handle get() returned");
      assertTrue(query.awaitTermination(Duration.ofSeconds(5)));
      query.awaitTermination();
      assertEquals(List.of(), streams.active());
      assertEquals(Optional.empty(), streams.get(query.id()), "get() finds running queries only");
      assertTrue(streams.awaitAnyTermination(Duration.ofSeconds(5)));
      streams.awaitAnyTermination();
      streams.resetTerminated();
      assertFalse(streams.awaitAnyTermination(Duration.ofMillis(300)), "forgotten after resetTerminated()");
      query.stop();
    }
  }

  /** 4.x servers send listener events; 3.5 has none, and says so with the typed error. */
  @SparkConnectTest
  void listenersHearEventsOn4xAndAreRefusedOn35(SparkConnectServer server) throws Exception {
    if (!server.sparkVersion().startsWith("3.")) {
      listenersHearStartedProgressAndTerminated(server);
      return;
    }
    try (SparkSession spark = session(server)) {
      UnsupportedServerVersionException error = assertThrows(UnsupportedServerVersionException.class,
          () -> spark.streams().addListener(new Recording()));
      assertEquals("StreamingQueryManager.addListener()", error.feature());
      assertEquals("4.0", error.requiredVersion());
      assertEquals(server.sparkVersion(), error.serverVersion());
      assertEquals(List.of(), spark.streams().listListeners());
    }
  }

  private void listenersHearStartedProgressAndTerminated(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-listener");
    writeJson(dir, "1", event("00:00:01", "a", 1), event("00:00:02", "b", 2));
    try (SparkSession spark = session(server)) {
      Recording listener = new Recording();
      spark.streams().addListener(listener);
      StreamingQuery query = spark.readStream().schema(SCHEMA).json(dir.toString()).writeStream().format("memory")
          .queryName("listened_" + UUID.randomUUID().toString().replace("-", "")).trigger(Trigger.availableNow())
          .start();
      assertEquals(List.of(query.id()), listener.started, "onQueryStarted ran before start() returned");
      assertTrue(query.awaitTermination(WAIT));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (listener.terminated.isEmpty() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertEquals(List.of(query.id()), listener.terminated);
      assertEquals(2, listener.progress.stream().filter(p -> p.id().equals(query.id()))
          .mapToLong(StreamingQueryProgress::numInputRows).sum());
      spark.streams().removeListener(listener);
      assertEquals(List.of(), spark.streams().listListeners());
    }
  }

  @SparkConnectTest
  void aQuerySurvivesCutConnectionsWhileTheClientPolls(SparkConnectServer server) throws Exception {
    Path dir = Files.createTempDirectory("streaming-it-cuts");
    String table = "cuts_" + UUID.randomUUID().toString().replace("-", "");
    try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(server.port()).lifetime(Duration.ofMinutes(3))
        .start();
        SparkSession spark = SparkSession.builder().remote(proxy.connectionString()).build()) {
      StreamingQuery query = spark.readStream().schema(SCHEMA).json(dir.toString()).writeStream()
          .format("memory").queryName(table).start();
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(query::awaitTermination);
      long expected = 0;
      for (int file = 1; file <= 4; file++) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < file * 10; i++) {
          lines.add(event("00:00:01", "w" + i, i));
        }
        writeJson(dir, "f" + file, lines.toArray(new String[0]));
        expected += lines.size();
        proxy.cutAll();
        query.status();
        proxy.cutAll();
        query.lastProgress();
        query.processAllAvailable();
        proxy.cutAll();
        assertEquals(expected, spark.table(table).count(), "after file " + file);
      }
      assertEquals(expected, query.recentProgress().stream().mapToLong(StreamingQueryProgress::numInputRows).sum());
      assertEquals(100, spark.table(table).count());
      assertFalse(waiting.isDone(), "awaitTermination() keeps waiting through the cuts");
      query.stop();
      proxy.cutAll();
      waiting.get(60, TimeUnit.SECONDS);
      assertEquals(100, spark.table(table).count(), "the memory table keeps its rows after the stop");
      assertTrue(proxy.connections() >= 5, "the client connected " + proxy.connections() + " times: each cut made it "
          + "connect again");
    }
  }

  private static final String PROGRESS_41 = "{\"id\":\"a6aa5b7f-3200-4156-ac39-8a5ff2f2c065\","
      + "\"runId\":\"156c04a9-6ff1-4bfb-a2ff-7444224622f6\",\"name\":\"q\",\"timestamp\":\"2026-11-28T11:06:03.685Z\","
      + "\"batchId\":1,\"batchDuration\":411,\"durationMs\":{\"triggerExecution\":411,\"addBatch\":159},"
      + "\"eventTime\":{\"watermark\":\"2024-01-01T00:00:36.000Z\"},\"stateOperators\":[{\"operatorName\":"
      + "\"stateStoreSave\",\"numRowsTotal\":4,\"numRowsUpdated\":1,\"numRowsRemoved\":2,"
      + "\"numRowsDroppedByWatermark\":1,\"customMetrics\":{\"loadedMapCacheHitCount\":6}}],"
      + "\"sources\":[{\"description\":\"FileStreamSource[file:/tmp/x]\",\"startOffset\":{\"logOffset\":0},"
      + "\"endOffset\":{\"logOffset\":1},\"latestOffset\":null,\"numInputRows\":6,\"inputRowsPerSecond\":"
      + "181.5,\"processedRowsPerSecond\":14.5,\"metrics\":{}},{\"description\":\"RateStreamV2\","
      + "\"numInputRows\":4,\"processedRowsPerSecond\":0.5}],\"sink\":{\"description\":\"MemorySink\","
      + "\"numOutputRows\":6,\"metrics\":{}},\"observedMetrics\":{}}";

  @org.junit.jupiter.api.Test
  void progressReportsOfBothServerVersionsReadTheSame() {
    StreamingQueryProgress of41 = StreamingQueryProgress.fromJson(PROGRESS_41);
    assertEquals(UUID.fromString("a6aa5b7f-3200-4156-ac39-8a5ff2f2c065"), of41.id());
    assertEquals(java.time.Instant.parse("2026-11-28T11:06:03.685Z"), of41.timestamp());
    assertEquals(1, of41.batchId());
    assertEquals(10, of41.numInputRows(), "4.1 leaves the totals out: summed over the sources");
    assertEquals(Double.NaN, of41.inputRowsPerSecond(), "a source without a rate makes the sum NaN");
    assertEquals(15.0, of41.processedRowsPerSecond());
    assertEquals(java.util.Map.of("triggerExecution", 411L, "addBatch", 159L), of41.durationMs());
    assertEquals("2024-01-01T00:00:36.000Z", of41.eventTime().get("watermark"));
    assertEquals("stateStoreSave", of41.stateOperators().get(0).operatorName());
    assertEquals(2, of41.stateOperators().get(0).numRowsRemoved());
    assertEquals(1, of41.stateOperators().get(0).numRowsDroppedByWatermark());
    assertEquals(6L, of41.stateOperators().get(0).customMetrics().get("loadedMapCacheHitCount"));
    assertEquals("{\"logOffset\":1}", of41.sources().get(0).endOffset());
    assertEquals(null, of41.sources().get(0).latestOffset());
    assertEquals(6, of41.sink().numOutputRows());
    assertEquals(PROGRESS_41, of41.json());

    String with35Totals = PROGRESS_41.replace("\"batchDuration\":411,", "\"batchDuration\":411,\"numInputRows\":7,"
        + "\"inputRowsPerSecond\":2.5,\"processedRowsPerSecond\":3.5,");
    StreamingQueryProgress of35 = StreamingQueryProgress.fromJson(with35Totals);
    assertEquals(7, of35.numInputRows(), "the totals the server wrote win");
    assertEquals(2.5, of35.inputRowsPerSecond());
    assertEquals(3.5, of35.processedRowsPerSecond());
    SparkConnectException broken = assertThrows(SparkConnectException.class,
        () -> StreamingQueryProgress.fromJson("[1]"));
    assertTrue(broken.getMessage().contains("not a JSON object"), broken.getMessage());
  }

  @org.junit.jupiter.api.Test
  void theListenerBusCallsListenersInTheOrderTheServerSentEvents() throws Exception {
    String id = "a6aa5b7f-3200-4156-ac39-8a5ff2f2c065";
    String run = "156c04a9-6ff1-4bfb-a2ff-7444224622f6";
    List<io.sparkconnect.proto.ExecutePlanResponse> responses = List.of(
        io.sparkconnect.proto.ExecutePlanResponse.newBuilder().setStreamingQueryListenerEventsResult(
            io.sparkconnect.proto.StreamingQueryListenerEventsResult.newBuilder().setListenerBusListenerAdded(true))
            .build(),
        io.sparkconnect.proto.ExecutePlanResponse.newBuilder().setStreamingQueryListenerEventsResult(
            io.sparkconnect.proto.StreamingQueryListenerEventsResult.newBuilder()
                .addEvents(listenerEvent("{\"progress\":" + PROGRESS_41 + "}",
                    io.sparkconnect.proto.StreamingQueryEventType.QUERY_PROGRESS_EVENT))
                .addEvents(listenerEvent("{\"id\":\"" + id + "\",\"runId\":\"" + run + "\",\"exception\":\"boom\","
                    + "\"errorClassOnException\":\"STREAM_FAILED\"}",
                    io.sparkconnect.proto.StreamingQueryEventType.QUERY_TERMINATED_EVENT))).build());
    List<io.sparkconnect.proto.Command> sent = new CopyOnWriteArrayList<>();
    try (SparkSession spark = SparkSession.builder().remote("sc://127.0.0.1:1").build()) {
      spark.operations().assumeServerVersion(io.sparkconnect.sql.internal.ServerVersion.parse("4.1.2"));
      StreamingListenerBus bus = new StreamingListenerBus(spark, command -> {
        sent.add(command);
        java.util.Iterator<io.sparkconnect.proto.ExecutePlanResponse> each = responses.iterator();
        return new CloseableIterator<>() {
          @Override
          public boolean hasNext() {
            return each.hasNext();
          }

          @Override
          public io.sparkconnect.proto.ExecutePlanResponse next() {
            return each.next();
          }

          @Override
          public void close() {}
        };
      });
      Recording listener = new Recording();
      List<String> failing = new CopyOnWriteArrayList<>();
      bus.add(new Recording() {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
          failing.add("progress");
          throw new IllegalStateException("a listener that throws does not stop the others");
        }
      });
      bus.add(listener);
      assertEquals(List.of(StreamingListenerBus.command(true)), sent, "one event stream for all listeners");
      bus.started("{\"id\":\"" + id + "\",\"runId\":\"" + run + "\",\"name\":\"q\",\"timestamp\":\"t\"}");
      assertEquals(List.of(UUID.fromString(id)), listener.started);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (listener.terminated.isEmpty() && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(List.of(UUID.fromString(id)), listener.terminated);
      assertEquals(List.of(10L), listener.progress.stream().map(StreamingQueryProgress::numInputRows)
          .collect(Collectors.toList()));
      assertEquals(List.of("progress"), failing);
      assertEquals(2, bus.listeners().size());
    }
  }

  private static io.sparkconnect.proto.StreamingQueryListenerEvent listenerEvent(String json,
      io.sparkconnect.proto.StreamingQueryEventType type) {
    return io.sparkconnect.proto.StreamingQueryListenerEvent.newBuilder().setEventJson(json).setEventType(type)
        .build();
  }

  /** Records the events it hears. */
  private static class Recording extends StreamingQueryListener {
    final List<UUID> started = new CopyOnWriteArrayList<>();
    final List<StreamingQueryProgress> progress = new CopyOnWriteArrayList<>();
    final List<UUID> terminated = new CopyOnWriteArrayList<>();

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
      started.add(event.id());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      progress.add(event.progress());
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
      terminated.add(event.id());
    }
  }
}
