package io.sparkconnect.sql;

import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.Expression;
import io.sparkconnect.proto.MergeAction;
import io.sparkconnect.proto.MergeIntoTableCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges a DataFrame's rows into a table, as SQL's {@code MERGE INTO}: made by {@link DataFrame#mergeInto(String,
 * Column)}, given actions with {@code whenMatched()}, {@code whenNotMatched()} and {@code whenNotMatchedBySource()},
 * run by {@link #merge()}. Actions of one kind apply in the order they were added, the first whose condition holds.
 *
 * <pre>{@code
 * source.mergeInto("target", col("target.id").equalTo(col("source.id")))
 *     .whenMatched().updateAll()
 *     .whenNotMatched().insertAll()
 *     .merge();
 * }</pre>
 *
 * <p>The target table's catalog must support row-level operations; the session catalog's file tables do not, and
 * the server says so when {@code merge()} runs. Not thread-safe.
 */
public final class MergeIntoWriter {
  private final DataFrame source;
  private final String table;
  private final Column on;
  private final List<Expression> matched = new ArrayList<>();
  private final List<Expression> notMatched = new ArrayList<>();
  private final List<Expression> notMatchedBySource = new ArrayList<>();
  private boolean schemaEvolution;

  MergeIntoWriter(DataFrame source, String table, Column on) {
    this.source = source;
    this.table = Objects.requireNonNull(table, "table");
    this.on = Objects.requireNonNull(on, "condition");
  }

  /** Actions for target rows the merge condition matches. */
  public WhenMatched whenMatched() {
    return new WhenMatched(null);
  }

  /** Actions for target rows the merge condition matches and {@code condition} holds for. */
  public WhenMatched whenMatched(Column condition) {
    return new WhenMatched(Objects.requireNonNull(condition, "condition"));
  }

  /** Actions for source rows that match no target row. */
  public WhenNotMatched whenNotMatched() {
    return new WhenNotMatched(null);
  }

  /** Actions for source rows that match no target row and {@code condition} holds for. */
  public WhenNotMatched whenNotMatched(Column condition) {
    return new WhenNotMatched(Objects.requireNonNull(condition, "condition"));
  }

  /** Actions for target rows that no source row matches. */
  public WhenNotMatchedBySource whenNotMatchedBySource() {
    return new WhenNotMatchedBySource(null);
  }

  /** Actions for target rows that no source row matches and {@code condition} holds for. */
  public WhenNotMatchedBySource whenNotMatchedBySource(Column condition) {
    return new WhenNotMatchedBySource(Objects.requireNonNull(condition, "condition"));
  }

  /** Lets the merge add the source's new columns to the target table, where its catalog supports that. */
  public MergeIntoWriter withSchemaEvolution() {
    schemaEvolution = true;
    return this;
  }

  /**
   * Runs the merge on the server and blocks until it is done.
   *
   * @throws SparkConnectException before contacting the server if no action was given
   */
  public void merge() {
    source.sparkSession().operations().executeCommand(command());
  }

  /** The merge command; package-private for the golden plan tests. */
  Command command() {
    if (matched.isEmpty() && notMatched.isEmpty() && notMatchedBySource.isEmpty()) {
      throw new SparkConnectException("mergeInto(\"" + table + "\") has no action (Spark's NO_MERGE_ACTION_SPECIFIED)"
          + "; add one with whenMatched(), whenNotMatched() or whenNotMatchedBySource() before merge()");
    }
    return Command.newBuilder().setMergeIntoTableCommand(MergeIntoTableCommand.newBuilder()
        .setTargetTableName(table).setSourceTablePlan(source.plan()).setMergeCondition(on.expression())
        .addAllMatchActions(matched).addAllNotMatchedActions(notMatched)
        .addAllNotMatchedBySourceActions(notMatchedBySource).setWithSchemaEvolution(schemaEvolution)).build();
  }

  private MergeIntoWriter add(List<Expression> actions, MergeAction.ActionType type, Column condition,
      Map<String, Column> assignments) {
    MergeAction.Builder action = MergeAction.newBuilder().setActionType(type);
    if (condition != null) {
      action.setCondition(condition.expression());
    }
    if (assignments != null) {
      if (assignments.isEmpty()) {
        throw new IllegalArgumentException("An update or insert needs at least one column to assign; use "
            + "updateAll() or insertAll() to assign every column");
      }
      assignments.forEach((column, value) -> action.addAssignments(MergeAction.Assignment.newBuilder()
          .setKey(functions.expr(Objects.requireNonNull(column, "column")).expression())
          .setValue(Objects.requireNonNull(value, () -> "value for " + column).expression())));
    }
    actions.add(Expression.newBuilder().setMergeAction(action).build());
    return this;
  }

  /** What to do with matched target rows: update them or delete them. */
  public final class WhenMatched {
    private final Column condition;

    private WhenMatched(Column condition) {
      this.condition = condition;
    }

    /** Sets every target column to the source column of the same name. */
    public MergeIntoWriter updateAll() {
      return add(matched, MergeAction.ActionType.ACTION_TYPE_UPDATE_STAR, condition, null);
    }

    /** Sets the named target columns to these values; keep the map's order with a {@code LinkedHashMap}. */
    public MergeIntoWriter update(Map<String, Column> assignments) {
      return add(matched, MergeAction.ActionType.ACTION_TYPE_UPDATE, condition,
          Objects.requireNonNull(assignments, "assignments"));
    }

    /** Deletes the target rows. */
    public MergeIntoWriter delete() {
      return add(matched, MergeAction.ActionType.ACTION_TYPE_DELETE, condition, null);
    }
  }

  /** What to do with source rows that match no target row: insert them. */
  public final class WhenNotMatched {
    private final Column condition;

    private WhenNotMatched(Column condition) {
      this.condition = condition;
    }

    /** Inserts the source row, each column into the target column of the same name. */
    public MergeIntoWriter insertAll() {
      return add(notMatched, MergeAction.ActionType.ACTION_TYPE_INSERT_STAR, condition, null);
    }

    /** Inserts a row with the named target columns set to these values, the others null. */
    public MergeIntoWriter insert(Map<String, Column> assignments) {
      return add(notMatched, MergeAction.ActionType.ACTION_TYPE_INSERT, condition,
          Objects.requireNonNull(assignments, "assignments"));
    }
  }

  /** What to do with target rows no source row matches: update them or delete them. */
  public final class WhenNotMatchedBySource {
    private final Column condition;

    private WhenNotMatchedBySource(Column condition) {
      this.condition = condition;
    }

    /** Sets every target column to the source column of the same name (null, as no source row matched). */
    public MergeIntoWriter updateAll() {
      return add(notMatchedBySource, MergeAction.ActionType.ACTION_TYPE_UPDATE_STAR, condition, null);
    }

    /** Sets the named target columns to these values, which may refer only to target columns. */
    public MergeIntoWriter update(Map<String, Column> assignments) {
      return add(notMatchedBySource, MergeAction.ActionType.ACTION_TYPE_UPDATE, condition,
          Objects.requireNonNull(assignments, "assignments"));
    }

    /** Deletes the target rows. */
    public MergeIntoWriter delete() {
      return add(notMatchedBySource, MergeAction.ActionType.ACTION_TYPE_DELETE, condition, null);
    }
  }
}
