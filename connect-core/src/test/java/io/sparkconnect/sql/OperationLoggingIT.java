package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/**
 * The client logs through SLF4J only, with the operation id in the MDC of every line about an operation, and
 * never the session's token.
 */
class OperationLoggingIT {
  private static final String TOKEN = "canary-token-3f9a1c";
  private final Logger client = (Logger) LoggerFactory.getLogger("io.sparkconnect");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void capture() {
    events.start();
    client.addAppender(events);
    client.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    client.detachAppender(events);
    client.setLevel(null);
  }

  /** Remembers the id of each operation as it ends. */
  private static final class Ids implements OperationListener {
    final List<String> ids = new CopyOnWriteArrayList<>();

    @Override
    public void onEnd(OperationContext operation, long rows, Throwable failure) {
      ids.add(operation.operationId());
    }
  }

  @SparkConnectTest
  void everyLineAboutAnOperationCarriesItsIdAndNoSecret(SparkConnectServer server) {
    Ids ids = new Ids();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString())
        .header("x-canary", TOKEN).operationListener(ids).build()) {
      assertEquals(10, spark.range(10).collect().size());
      String query = ids.ids.get(ids.ids.size() - 1);
      List<ILoggingEvent> aboutQuery = events.list.stream()
          .filter(e -> query.equals(e.getMDCPropertyMap().get("spark_connect.operation_id")))
          .collect(Collectors.toList());
      assertTrue(aboutQuery.stream().anyMatch(e -> e.getFormattedMessage().contains("started")), events.list
          .toString());
      assertTrue(aboutQuery.stream().anyMatch(e -> e.getFormattedMessage().contains(": ok in ") && e.getFormattedMessage().contains(", 10 rows")),
          events.list.toString());
      for (ILoggingEvent event : events.list) {
        if (event.getFormattedMessage().contains(query)) {
          assertEquals(query, event.getMDCPropertyMap().get("spark_connect.operation_id"), event.toString());
        }
        assertFalse(event.getFormattedMessage().contains(TOKEN), event.toString());
      }
    }
  }
}
