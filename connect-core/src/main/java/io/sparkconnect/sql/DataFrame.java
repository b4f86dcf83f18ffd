package io.sparkconnect.sql;

import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.Limit;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.ShowString;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.types.StructType;
import java.util.List;

/**
 * A lazy, immutable description of a query. Transformations return new DataFrames without contacting the server;
 * actions such as {@link #collect()}, {@link #count()} and {@link #show()} run the query.
 */
public final class DataFrame {
  private final SparkSession session;
  private final Relation plan;

  DataFrame(SparkSession session, Relation plan) {
    this.session = session;
    this.plan = plan;
  }

  public SparkSession sparkSession() {
    return session;
  }

  /** The protocol plan of this DataFrame, for tools and tests. */
  public Relation plan() {
    return plan;
  }

  /** Runs the query and returns every row. Rows are views over compact columns, not one object per value. */
  public List<Row> collect() {
    return session.runner().collect(plan, List.of());
  }

  /** The same as {@link #collect()}, under the name Spark's Java API uses. */
  public List<Row> collectAsList() {
    return collect();
  }

  /** The number of rows. */
  public long count() {
    Relation counted = session.withPlanId(Relation.newBuilder().setAggregate(
        io.sparkconnect.proto.Aggregate.newBuilder()
            .setInput(plan)
            .setGroupType(io.sparkconnect.proto.Aggregate.GroupType.GROUP_TYPE_GROUPBY)
            .addAggregateExpressions(io.sparkconnect.proto.Expression.newBuilder()
                .setUnresolvedFunction(io.sparkconnect.proto.Expression.UnresolvedFunction.newBuilder()
                    .setFunctionName("count")
                    .addArguments(io.sparkconnect.proto.Expression.newBuilder()
                        .setLiteral(io.sparkconnect.proto.Expression.Literal.newBuilder().setInteger(1)))))));
    return session.runner().collect(counted, List.of()).get(0).getLong(0);
  }

  /** At most {@code n} rows. */
  public DataFrame limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + n);
    }
    return new DataFrame(session, session.withPlanId(Relation.newBuilder()
        .setLimit(Limit.newBuilder().setInput(plan).setLimit(n))));
  }

  /** The first {@code n} rows. */
  public List<Row> head(int n) {
    return limit(n).collect();
  }

  public List<Row> take(int n) {
    return head(n);
  }

  /**
   * The first row.
   *
   * @throws java.util.NoSuchElementException if there are no rows
   */
  public Row first() {
    List<Row> rows = head(1);
    if (rows.isEmpty()) {
      throw new java.util.NoSuchElementException("The DataFrame has no rows");
    }
    return rows.get(0);
  }

  public boolean isEmpty() {
    return head(1).isEmpty();
  }

  /** The schema, from the server's analysis of the plan; runs no query. */
  public StructType schema() {
    return DataTypeConverter.schemaFromProto(session.client().analyze(AnalyzePlanRequest.newBuilder()
        .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(Plan.newBuilder().setRoot(plan))))
        .getSchema().getSchema());
  }

  public String[] columns() {
    return schema().fieldNames().toArray(new String[0]);
  }

  public void printSchema() {
    System.out.print(schema().treeString());
  }

  /** The first 20 rows as a table, long values cut to 20 characters, as {@link #show()} prints it. */
  public String showString(int numRows, int truncate, boolean vertical) {
    if (numRows < 0) {
      throw new IllegalArgumentException("numRows must not be negative, got " + numRows);
    }
    Relation show = session.withPlanId(Relation.newBuilder().setShowString(ShowString.newBuilder()
        .setInput(plan).setNumRows(numRows).setTruncate(truncate).setVertical(vertical)));
    return session.runner().collect(show, List.of()).get(0).getString(0);
  }

  public void show() {
    show(20, true);
  }

  public void show(int numRows) {
    show(numRows, true);
  }

  public void show(boolean truncate) {
    show(20, truncate);
  }

  public void show(int numRows, boolean truncate) {
    System.out.print(showString(numRows, truncate ? 20 : 0, false));
  }

  public void show(int numRows, int truncate, boolean vertical) {
    System.out.print(showString(numRows, truncate, vertical));
  }

  @Override
  public String toString() {
    return "DataFrame[" + plan.getRelTypeCase().name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
