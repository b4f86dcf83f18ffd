package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.DecodedBatch;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs plans for a session: collects query results into rows and executes commands. */
public final class QueryRunner {
  private final SparkConnectClient client;
  private final ObservedMetricsStore observations = new ObservedMetricsStore();

  public QueryRunner(SparkConnectClient client) {
    this.client = client;
  }

  public ObservedMetricsStore observations() {
    return observations;
  }

  /** Runs a query and returns all of its rows. */
  public List<Row> collect(Relation relation, Collection<String> tags) {
    try (ArrowResult result = new ArrowResult(client.execute(Plan.newBuilder().setRoot(relation).build(), tags), observations)) {
      StructType schema = result.schema();
      List<ResultBatch> batches = new ArrayList<>();
      for (DecodedBatch batch = result.nextBatch(); batch != null; batch = result.nextBatch()) {
        if (schema == null) {
          throw new SparkConnectException("The server sent result rows without a schema");
        }
        batches.add(new ResultBatch(schema, batch));
      }
      return new RowList(batches);
    }
  }

  /** Streams a query's rows, decoding one batch at a time. */
  public RowIterator iterate(Relation relation, Collection<String> tags) {
    return new RowIterator(new ArrowResult(client.execute(Plan.newBuilder().setRoot(relation).build(), tags), observations));
  }

  /** Hands each result batch to {@code consumer} as Arrow vectors; returns the number of rows. */
  public long forEachArrowBatch(Relation relation, Collection<String> tags,
      java.util.function.Consumer<org.apache.arrow.vector.VectorSchemaRoot> consumer) {
    try (ArrowResult result = new ArrowResult(client.execute(Plan.newBuilder().setRoot(relation).build(), tags), observations)) {
      return result.forEachArrowBatch(consumer);
    }
  }

  /** Runs a command and returns the relation of its {@code sql_command_result}, or null. */
  public Relation executeCommand(Command command, Collection<String> tags) {
    try (ArrowResult result = new ArrowResult(client.execute(Plan.newBuilder().setCommand(command).build(), tags), observations)) {
      return result.commandResult();
    }
  }
}
