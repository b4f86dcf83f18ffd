package io.sparkconnect.sql.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.UUID;

/**
 * Hears the life of a session's streaming queries, added with {@link StreamingQueryManager#addListener}. The
 * client calls it on one thread, in the order the server sent the events; a listener that throws is logged and
 * keeps being called. Needs a Spark 4.0 or newer server.
 */
public abstract class StreamingQueryListener {
  /** Called when a query of the session starts, before {@code start()} returns. */
  public abstract void onQueryStarted(QueryStartedEvent event);

  /** Called after each batch with its progress report. */
  public abstract void onQueryProgress(QueryProgressEvent event);

  /** Called when a query has no new data to process; does nothing unless overridden. */
  public void onQueryIdle(QueryIdleEvent event) {}

  /** Called when a query stops, with its error if it failed. */
  public abstract void onQueryTerminated(QueryTerminatedEvent event);

  /** A query has started. */
  public static final class QueryStartedEvent {
    private final UUID id;
    private final UUID runId;
    private final String name;
    private final String timestamp;
    private final String json;

    private QueryStartedEvent(JsonNode node, String json) {
      this.id = ProgressJson.uuid(node, "id");
      this.runId = ProgressJson.uuid(node, "runId");
      this.name = ProgressJson.text(node, "name");
      this.timestamp = ProgressJson.text(node, "timestamp");
      this.json = json;
    }

    /** Reads the event from the JSON Spark writes for it. */
    public static QueryStartedEvent fromJson(String json) {
      return new QueryStartedEvent(ProgressJson.parse(json, "a query started event"), json);
    }

    /** The query's id. */
    public UUID id() {
      return id;
    }

    /** The id of this run. */
    public UUID runId() {
      return runId;
    }

    /** The query's name, or null. */
    public String name() {
      return name;
    }

    /** When the query started, as ISO-8601 text. */
    public String timestamp() {
      return timestamp;
    }

    /** The event as the server sent it. */
    public String json() {
      return json;
    }

    @Override
    public String toString() {
      return "QueryStartedEvent" + json;
    }
  }

  /** A batch ended. */
  public static final class QueryProgressEvent {
    private final StreamingQueryProgress progress;

    private QueryProgressEvent(StreamingQueryProgress progress) {
      this.progress = progress;
    }

    /** Reads the event from the JSON Spark writes for it ({@code {"progress": {...}}}). */
    public static QueryProgressEvent fromJson(String json) {
      JsonNode node = ProgressJson.parse(json, "a query progress event");
      JsonNode progress = node.has("progress") ? node.get("progress") : node;
      return new QueryProgressEvent(StreamingQueryProgress.of(progress, progress.toString()));
    }

    /** The batch's progress report. */
    public StreamingQueryProgress progress() {
      return progress;
    }

    @Override
    public String toString() {
      return "QueryProgressEvent" + progress.json();
    }
  }

  /** A query found no new data. */
  public static final class QueryIdleEvent {
    private final UUID id;
    private final UUID runId;
    private final String timestamp;

    private QueryIdleEvent(JsonNode node) {
      this.id = ProgressJson.uuid(node, "id");
      this.runId = ProgressJson.uuid(node, "runId");
      this.timestamp = ProgressJson.text(node, "timestamp");
    }

    /** Reads the event from the JSON Spark writes for it. */
    public static QueryIdleEvent fromJson(String json) {
      return new QueryIdleEvent(ProgressJson.parse(json, "a query idle event"));
    }

    /** The query's id. */
    public UUID id() {
      return id;
    }

    /** The id of this run. */
    public UUID runId() {
      return runId;
    }

    /** When the query became idle, as ISO-8601 text. */
    public String timestamp() {
      return timestamp;
    }

    @Override
    public String toString() {
      return "QueryIdleEvent{id=" + id + ", runId=" + runId + "}";
    }
  }

  /** A query stopped. */
  public static final class QueryTerminatedEvent {
    private final UUID id;
    private final UUID runId;
    private final String exception;
    private final String errorClassOnException;

    private QueryTerminatedEvent(JsonNode node) {
      this.id = ProgressJson.uuid(node, "id");
      this.runId = ProgressJson.uuid(node, "runId");
      this.exception = ProgressJson.text(node, "exception");
      this.errorClassOnException = ProgressJson.text(node, "errorClassOnException");
    }

    /** Reads the event from the JSON Spark writes for it. */
    public static QueryTerminatedEvent fromJson(String json) {
      return new QueryTerminatedEvent(ProgressJson.parse(json, "a query terminated event"));
    }

    /** The query's id. */
    public UUID id() {
      return id;
    }

    /** The id of the run that stopped. */
    public UUID runId() {
      return runId;
    }

    /** The error that stopped the query, as text, or empty when it was stopped or finished. */
    public Optional<String> exception() {
      return Optional.ofNullable(exception);
    }

    /** Spark's error class of that error, when it has one. */
    public Optional<String> errorClassOnException() {
      return Optional.ofNullable(errorClassOnException);
    }

    @Override
    public String toString() {
      return "QueryTerminatedEvent{id=" + id + ", runId=" + runId + ", exception=" + exception + "}";
    }
  }
}
