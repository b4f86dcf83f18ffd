package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.StreamingQueryListenerBusCommand;
import io.sparkconnect.proto.StreamingQueryListenerEvent;
import io.sparkconnect.sql.streaming.StreamingQueryListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side streaming query listeners of one session (Spark 4.0+). The first listener opens a long-running
 * execution of {@code StreamingQueryListenerBusCommand.add_listener_bus_listener}, whose responses carry the
 * server's listener events; one daemon thread reads them and calls the listeners in order. Removing the last
 * listener sends {@code remove_listener_bus_listener}, which ends that execution, as Spark's Python client does.
 */
final class StreamingListenerBus {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingListenerBus.class);

  private final SparkSession session;
  /** Opens a command's response stream: the session's operations, or a fake in tests. */
  private final Function<Command, CloseableIterator<ExecutePlanResponse>> streams;
  private final List<StreamingQueryListener> listeners = new CopyOnWriteArrayList<>();
  private CloseableIterator<ExecutePlanResponse> events;

  StreamingListenerBus(SparkSession session) {
    this(session, command -> session.operations().commandResponses(command));
  }

  StreamingListenerBus(SparkSession session, Function<Command, CloseableIterator<ExecutePlanResponse>> streams) {
    this.session = session;
    this.streams = streams;
  }

  synchronized void add(StreamingQueryListener listener) {
    session.serverVersion().require("StreamingQueryManager.addListener()", 4, 0,
        "Spark 3.5 sends no listener events to clients; poll StreamingQuery.lastProgress(), recentProgress() and "
            + "status() instead");
    if (listeners.isEmpty()) {
      open();
    }
    listeners.add(listener);
  }

  synchronized void remove(StreamingQueryListener listener) {
    if (listeners.remove(listener) && listeners.isEmpty()) {
      CloseableIterator<ExecutePlanResponse> open = events;
      events = null;
      try {
        session.operations().runCommand(command(false));
      } finally {
        if (open != null) {
          open.close();
        }
      }
    }
  }

  List<StreamingQueryListener> listeners() {
    return List.copyOf(listeners);
  }

  /** Calls {@code onQueryStarted} on the caller's thread, before {@code start()} returns, as Spark does. */
  void started(String eventJson) {
    if (listeners.isEmpty()) {
      return;
    }
    StreamingQueryListener.QueryStartedEvent event = StreamingQueryListener.QueryStartedEvent.fromJson(eventJson);
    for (StreamingQueryListener listener : listeners) {
      call(listener, () -> listener.onQueryStarted(event));
    }
  }

  /** The listener bus command; package-private for the golden plan tests. */
  static Command command(boolean add) {
    StreamingQueryListenerBusCommand.Builder bus = StreamingQueryListenerBusCommand.newBuilder();
    if (add) {
      bus.setAddListenerBusListener(true);
    } else {
      bus.setRemoveListenerBusListener(true);
    }
    return Command.newBuilder().setStreamingQueryListenerBusCommand(bus).build();
  }

  /** Opens the event stream and waits until the server says the listener is registered. */
  private void open() {
    CloseableIterator<ExecutePlanResponse> stream = streams.apply(command(true));
    try {
      while (true) {
        if (!stream.hasNext()) {
          throw new SparkConnectException("The server ended the streaming listener event stream before it "
              + "confirmed the listener");
        }
        ExecutePlanResponse response = stream.next();
        if (response.hasStreamingQueryListenerEventsResult()
            && response.getStreamingQueryListenerEventsResult().getListenerBusListenerAdded()) {
          break;
        }
      }
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
    events = stream;
    Thread reader = new Thread(() -> read(stream), "spark-connect-streaming-listener-" + session.sessionId());
    reader.setDaemon(true);
    reader.start();
  }

  private void read(CloseableIterator<ExecutePlanResponse> stream) {
    try {
      while (stream.hasNext()) {
        ExecutePlanResponse response = stream.next();
        if (response.hasStreamingQueryListenerEventsResult()) {
          response.getStreamingQueryListenerEventsResult().getEventsList().forEach(this::dispatch);
        }
      }
    } catch (RuntimeException e) {
      if (stream == events) {
        LOG.warn("The streaming listener event stream of session {} failed; listeners hear no more events: {}",
            session.sessionId(), e.toString());
      }
    } finally {
      stream.close();
    }
  }

  private void dispatch(StreamingQueryListenerEvent event) {
    switch (event.getEventType()) {
      case QUERY_PROGRESS_EVENT: {
        StreamingQueryListener.QueryProgressEvent progress = StreamingQueryListener.QueryProgressEvent
            .fromJson(event.getEventJson());
        listeners.forEach(listener -> call(listener, () -> listener.onQueryProgress(progress)));
        break;
      }
      case QUERY_IDLE_EVENT: {
        StreamingQueryListener.QueryIdleEvent idle = StreamingQueryListener.QueryIdleEvent
            .fromJson(event.getEventJson());
        listeners.forEach(listener -> call(listener, () -> listener.onQueryIdle(idle)));
        break;
      }
      case QUERY_TERMINATED_EVENT: {
        StreamingQueryListener.QueryTerminatedEvent terminated = StreamingQueryListener.QueryTerminatedEvent
            .fromJson(event.getEventJson());
        listeners.forEach(listener -> call(listener, () -> listener.onQueryTerminated(terminated)));
        break;
      }
      default:
        LOG.debug("Ignoring streaming listener event of type {}", event.getEventType());
    }
  }

  private static void call(StreamingQueryListener listener, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("Streaming query listener {} failed", listener, e);
    }
  }
}
