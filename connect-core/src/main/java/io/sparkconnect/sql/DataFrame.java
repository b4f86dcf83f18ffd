package io.sparkconnect.sql;

import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.CreateDataFrameViewCommand;
import io.sparkconnect.proto.Deduplicate;
import io.sparkconnect.proto.Drop;
import io.sparkconnect.proto.Expression;
import io.sparkconnect.proto.Filter;
import io.sparkconnect.proto.Hint;
import io.sparkconnect.proto.Join;
import io.sparkconnect.proto.Limit;
import io.sparkconnect.proto.Offset;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.Project;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.Repartition;
import io.sparkconnect.proto.RepartitionByExpression;
import io.sparkconnect.proto.Sample;
import io.sparkconnect.proto.SetOperation;
import io.sparkconnect.proto.ShowString;
import io.sparkconnect.proto.Sort;
import io.sparkconnect.proto.StatDescribe;
import io.sparkconnect.proto.StatSummary;
import io.sparkconnect.proto.SubqueryAlias;
import io.sparkconnect.proto.Tail;
import io.sparkconnect.proto.ToDF;
import io.sparkconnect.proto.Unpivot;
import io.sparkconnect.proto.WithColumns;
import io.sparkconnect.proto.WithColumnsRenamed;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.internal.Expressions;
import io.sparkconnect.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A lazy, immutable description of a query. Transformations return new DataFrames without contacting the server;
 * actions such as {@link #collect()}, {@link #count()}, {@link #show()} and {@link #toLocalIterator()} run it.
 */
public final class DataFrame {
  private final SparkSession session;
  private final Relation plan;
  private volatile ExecutionInfo executionInfo;

  DataFrame(SparkSession session, Relation plan) {
    this.session = session;
    this.plan = plan;
  }

  public SparkSession sparkSession() {
    return session;
  }

  /** The protocol plan; package-private so that no generated type reaches the API. */
  Relation plan() {
    return plan;
  }

  private DataFrame derive(Relation.Builder relation) {
    return new DataFrame(session, session.withPlanId(relation));
  }

  private long planId() {
    return plan.getCommon().getPlanId();
  }

  private static List<Expression> expressions(Column... columns) {
    List<Expression> expressions = new ArrayList<>(columns.length);
    for (Column column : columns) {
      expressions.add(Objects.requireNonNull(column, "column").expression());
    }
    return expressions;
  }

  private static Column[] columns(String... names) {
    Column[] columns = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = functions.col(names[i]);
    }
    return columns;
  }

  // ---- columns

  /** A column of this DataFrame, bound to it so that it resolves correctly in self-joins. */
  public Column col(String name) {
    if (name.equals("*")) {
      return new Column(Expression.newBuilder().setUnresolvedStar(
          Expression.UnresolvedStar.newBuilder().setPlanId(planId())).build());
    }
    return new Column(Expressions.attribute(name, planId()));
  }

  public Column apply(String name) {
    return col(name);
  }

  // ---- projections and filters

  public DataFrame select(Column... columns) {
    return derive(Relation.newBuilder().setProject(Project.newBuilder().setInput(plan)
        .addAllExpressions(expressions(columns))));
  }

  public DataFrame select(String... columns) {
    return select(columns(columns));
  }

  /** Selects SQL expressions, such as {@code "a + 1 AS b"}. */
  public DataFrame selectExpr(String... expressions) {
    Column[] columns = new Column[expressions.length];
    for (int i = 0; i < expressions.length; i++) {
      columns[i] = functions.expr(expressions[i]);
    }
    return select(columns);
  }

  public DataFrame filter(Column condition) {
    return derive(Relation.newBuilder().setFilter(Filter.newBuilder().setInput(plan)
        .setCondition(condition.expression())));
  }

  /** Filters with a SQL condition, such as {@code "age > 21"}. */
  public DataFrame filter(String condition) {
    return filter(functions.expr(condition));
  }

  public DataFrame where(Column condition) {
    return filter(condition);
  }

  public DataFrame where(String condition) {
    return filter(condition);
  }

  /** Adds a column or replaces the one with the same name. */
  public DataFrame withColumn(String name, Column column) {
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put(name, column);
    return withColumns(columns);
  }

  public DataFrame withColumns(Map<String, Column> columns) {
    WithColumns.Builder with = WithColumns.newBuilder().setInput(plan);
    columns.forEach((name, column) -> with.addAliases(Expression.Alias.newBuilder()
        .setExpr(column.expression()).addName(name)));
    return derive(Relation.newBuilder().setWithColumns(with));
  }

  public DataFrame withColumnRenamed(String existing, String renamed) {
    Map<String, String> renames = new LinkedHashMap<>();
    renames.put(existing, renamed);
    return withColumnsRenamed(renames);
  }

  @SuppressWarnings("deprecation")
  public DataFrame withColumnsRenamed(Map<String, String> renames) {
    return derive(Relation.newBuilder().setWithColumnsRenamed(WithColumnsRenamed.newBuilder().setInput(plan)
        .putAllRenameColumnsMap(renames)));
  }

  public DataFrame drop(String... columnNames) {
    return derive(Relation.newBuilder().setDrop(Drop.newBuilder().setInput(plan)
        .addAllColumnNames(Arrays.asList(columnNames))));
  }

  public DataFrame drop(Column... columns) {
    return derive(Relation.newBuilder().setDrop(Drop.newBuilder().setInput(plan)
        .addAllColumns(expressions(columns))));
  }

  /** Renames all columns, in order. */
  public DataFrame toDF(String... names) {
    return derive(Relation.newBuilder().setToDf(ToDF.newBuilder().setInput(plan)
        .addAllColumnNames(Arrays.asList(names))));
  }

  /** A name for this DataFrame, to qualify its columns as {@code alias.column}. */
  public DataFrame alias(String alias) {
    return derive(Relation.newBuilder().setSubqueryAlias(SubqueryAlias.newBuilder().setInput(plan)
        .setAlias(alias)));
  }

  public DataFrame as(String alias) {
    return alias(alias);
  }

  /** Applies a function to this DataFrame, for chaining custom transformations. */
  public DataFrame transform(Function<DataFrame, DataFrame> transformation) {
    return transformation.apply(this);
  }

  // ---- joins

  /** An inner join without a condition. */
  public DataFrame join(DataFrame right) {
    return join(Join.newBuilder().setJoinType(Join.JoinType.JOIN_TYPE_INNER), right);
  }

  /** An inner equi-join on a column both sides have, which appears once in the result. */
  public DataFrame join(DataFrame right, String usingColumn) {
    return join(right, List.of(usingColumn), "inner");
  }

  public DataFrame join(DataFrame right, List<String> usingColumns) {
    return join(right, usingColumns, "inner");
  }

  public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
    return join(Join.newBuilder().setJoinType(joinType(joinType)).addAllUsingColumns(usingColumns), right);
  }

  public DataFrame join(DataFrame right, Column condition) {
    return join(right, condition, "inner");
  }

  /**
   * A join on a condition.
   *
   * @param joinType one of inner, cross, outer, full, fullouter, full_outer, left, leftouter, left_outer, right,
   *     rightouter, right_outer, semi, leftsemi, left_semi, anti, leftanti, left_anti
   */
  public DataFrame join(DataFrame right, Column condition, String joinType) {
    return join(Join.newBuilder().setJoinType(joinType(joinType)).setJoinCondition(condition.expression()), right);
  }

  public DataFrame crossJoin(DataFrame right) {
    return join(Join.newBuilder().setJoinType(Join.JoinType.JOIN_TYPE_CROSS), right);
  }

  private DataFrame join(Join.Builder join, DataFrame right) {
    requireSameSession(right, "join");
    return derive(Relation.newBuilder().setJoin(join.setLeft(plan).setRight(right.plan)));
  }

  /**
   * Plan ids number the plans of one session, so a plan of another session could resolve a column against the
   * wrong side; Spark's own clients refuse the combination too.
   */
  private void requireSameSession(DataFrame other, String operation) {
    if (other.session != session) {
      throw new IllegalArgumentException("Cannot " + operation + " DataFrames of two different SparkSessions: "
          + "both must come from the same session (create the other DataFrame from this one's sparkSession(), "
          + "or collect it and send its rows again)");
    }
  }

  static Join.JoinType joinType(String name) {
    switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "inner":
        return Join.JoinType.JOIN_TYPE_INNER;
      case "cross":
        return Join.JoinType.JOIN_TYPE_CROSS;
      case "outer":
      case "full":
      case "fullouter":
        return Join.JoinType.JOIN_TYPE_FULL_OUTER;
      case "left":
      case "leftouter":
        return Join.JoinType.JOIN_TYPE_LEFT_OUTER;
      case "right":
      case "rightouter":
        return Join.JoinType.JOIN_TYPE_RIGHT_OUTER;
      case "semi":
      case "leftsemi":
        return Join.JoinType.JOIN_TYPE_LEFT_SEMI;
      case "anti":
      case "leftanti":
        return Join.JoinType.JOIN_TYPE_LEFT_ANTI;
      default:
        throw new IllegalArgumentException("Unknown join type '" + name + "'; use inner, cross, outer, full, "
            + "left, right, left_semi or left_anti");
    }
  }

  // ---- aggregation

  public GroupedData groupBy(Column... columns) {
    return new GroupedData(this, io.sparkconnect.proto.Aggregate.GroupType.GROUP_TYPE_GROUPBY,
        expressions(columns), List.of());
  }

  public GroupedData groupBy(String... columns) {
    return groupBy(columns(columns));
  }

  public GroupedData rollup(Column... columns) {
    return new GroupedData(this, io.sparkconnect.proto.Aggregate.GroupType.GROUP_TYPE_ROLLUP,
        expressions(columns), List.of());
  }

  public GroupedData rollup(String... columns) {
    return rollup(columns(columns));
  }

  public GroupedData cube(Column... columns) {
    return new GroupedData(this, io.sparkconnect.proto.Aggregate.GroupType.GROUP_TYPE_CUBE,
        expressions(columns), List.of());
  }

  public GroupedData cube(String... columns) {
    return cube(columns(columns));
  }

  /**
   * Groups by each of the given sets of columns, as SQL's {@code GROUPING SETS}.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, which has no such plan (SQL's GROUPING SETS works there)
   */
  public GroupedData groupingSets(List<List<Column>> sets, Column... groupBy) {
    session.serverVersion().require("groupingSets()", 4, 0,
        "Use GROUP BY ... GROUPING SETS (...) in spark.sql(...) there");
    List<List<Expression>> groupingSets = new ArrayList<>();
    for (List<Column> set : sets) {
      groupingSets.add(expressions(set.toArray(new Column[0])));
    }
    return new GroupedData(this, io.sparkconnect.proto.Aggregate.GroupType.GROUP_TYPE_GROUPING_SETS,
        expressions(groupBy), groupingSets);
  }

  /** Aggregates the whole DataFrame, as {@code groupBy().agg(...)}. */
  public DataFrame agg(Column aggregate, Column... more) {
    return groupBy(new Column[0]).agg(aggregate, more);
  }

  // ---- ordering and limits

  public DataFrame orderBy(Column... columns) {
    return sort(true, columns);
  }

  public DataFrame orderBy(String... columns) {
    return orderBy(columns(columns));
  }

  public DataFrame sort(Column... columns) {
    return orderBy(columns);
  }

  public DataFrame sort(String... columns) {
    return orderBy(columns);
  }

  public DataFrame sortWithinPartitions(Column... columns) {
    return sort(false, columns);
  }

  public DataFrame sortWithinPartitions(String... columns) {
    return sortWithinPartitions(columns(columns));
  }

  private DataFrame sort(boolean global, Column... columns) {
    Sort.Builder sort = Sort.newBuilder().setInput(plan).setIsGlobal(global);
    for (Column column : columns) {
      sort.addOrder(WindowSpec.sortOrder(column));
    }
    return derive(Relation.newBuilder().setSort(sort));
  }

  /** At most {@code n} rows. */
  public DataFrame limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + n);
    }
    return derive(Relation.newBuilder().setLimit(Limit.newBuilder().setInput(plan).setLimit(n)));
  }

  /** All rows after the first {@code n}. */
  public DataFrame offset(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + n);
    }
    return derive(Relation.newBuilder().setOffset(Offset.newBuilder().setInput(plan).setOffset(n)));
  }

  // ---- set operations and duplicates

  public DataFrame distinct() {
    return dropDuplicates();
  }

  public DataFrame dropDuplicates() {
    return derive(Relation.newBuilder().setDeduplicate(Deduplicate.newBuilder().setInput(plan)
        .setAllColumnsAsKeys(true)));
  }

  public DataFrame dropDuplicates(String... columns) {
    return derive(Relation.newBuilder().setDeduplicate(Deduplicate.newBuilder().setInput(plan)
        .addAllColumnNames(Arrays.asList(columns))));
  }

  /** Rows of both, by column position, keeping duplicates (SQL's {@code UNION ALL}). */
  public DataFrame union(DataFrame other) {
    return setOperation(other, SetOperation.SetOpType.SET_OP_TYPE_UNION, true, false, false);
  }

  public DataFrame unionAll(DataFrame other) {
    return union(other);
  }

  /** Rows of both, matching columns by name. */
  public DataFrame unionByName(DataFrame other) {
    return unionByName(other, false);
  }

  /** Rows of both by name; with {@code allowMissingColumns}, columns one side lacks are null. */
  public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
    return setOperation(other, SetOperation.SetOpType.SET_OP_TYPE_UNION, true, true, allowMissingColumns);
  }

  public DataFrame intersect(DataFrame other) {
    return setOperation(other, SetOperation.SetOpType.SET_OP_TYPE_INTERSECT, false, false, false);
  }

  public DataFrame intersectAll(DataFrame other) {
    return setOperation(other, SetOperation.SetOpType.SET_OP_TYPE_INTERSECT, true, false, false);
  }

  /** Rows not in {@code other}, without duplicates (SQL's {@code EXCEPT DISTINCT}). */
  public DataFrame except(DataFrame other) {
    return setOperation(other, SetOperation.SetOpType.SET_OP_TYPE_EXCEPT, false, false, false);
  }

  public DataFrame exceptAll(DataFrame other) {
    return setOperation(other, SetOperation.SetOpType.SET_OP_TYPE_EXCEPT, true, false, false);
  }

  private DataFrame setOperation(DataFrame other, SetOperation.SetOpType type, boolean all, boolean byName,
      boolean allowMissing) {
    requireSameSession(other, type.name().substring("SET_OP_TYPE_".length()).toLowerCase(Locale.ROOT));
    SetOperation.Builder operation = SetOperation.newBuilder().setLeftInput(plan).setRightInput(other.plan)
        .setSetOpType(type).setIsAll(all);
    if (byName) {
      operation.setByName(true).setAllowMissingColumns(allowMissing);
    }
    return derive(Relation.newBuilder().setSetOp(operation));
  }

  // ---- sampling and partitioning

  public DataFrame sample(double fraction) {
    return sample(false, fraction, new java.util.Random().nextLong());
  }

  public DataFrame sample(double fraction, long seed) {
    return sample(false, fraction, seed);
  }

  public DataFrame sample(boolean withReplacement, double fraction, long seed) {
    if (!(fraction >= 0) || (!withReplacement && fraction > 1) || Double.isInfinite(fraction)) {
      throw new IllegalArgumentException("sample fraction must be in [0, 1] without replacement and >= 0 with it, "
          + "got " + fraction);
    }
    return sample(0, fraction, withReplacement, seed, false);
  }

  private DataFrame sample(double lower, double upper, boolean withReplacement, long seed, boolean ordered) {
    return derive(Relation.newBuilder().setSample(Sample.newBuilder().setInput(plan).setLowerBound(lower)
        .setUpperBound(upper).setWithReplacement(withReplacement).setSeed(seed).setDeterministicOrder(ordered)));
  }

  /** Splits the rows randomly by the given weights; the parts are disjoint and together hold every row. */
  public List<DataFrame> randomSplit(double[] weights, long seed) {
    double total = 0;
    for (double weight : weights) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("randomSplit weights must be finite and not negative: "
            + Arrays.toString(weights));
      }
      total += weight;
    }
    if (weights.length == 0 || total <= 0) {
      throw new IllegalArgumentException("randomSplit needs positive weights: " + Arrays.toString(weights));
    }
    List<Column> orderable = new ArrayList<>();
    for (io.sparkconnect.sql.types.StructField field : schema().fields()) {
      if (isOrderable(field.dataType())) {
        orderable.add(col(field.name()).asc());
      }
    }
    DataFrame sorted = sortWithinPartitions(orderable.toArray(new Column[0]));
    List<DataFrame> parts = new ArrayList<>();
    double lower = 0;
    for (double weight : weights) {
      double upper = lower + weight / total;
      parts.add(sorted.sample(lower, upper, false, seed, true));
      lower = upper;
    }
    return parts;
  }

  private static boolean isOrderable(io.sparkconnect.sql.types.DataType type) {
    if (type instanceof io.sparkconnect.sql.types.MapType
        || type.equals(io.sparkconnect.sql.types.DataTypes.VariantType)) {
      return false;
    }
    if (type instanceof io.sparkconnect.sql.types.ArrayType) {
      return isOrderable(((io.sparkconnect.sql.types.ArrayType) type).elementType());
    }
    if (type instanceof StructType) {
      return ((StructType) type).fields().stream().allMatch(f -> isOrderable(f.dataType()));
    }
    return true;
  }

  public DataFrame repartition(int numPartitions) {
    return derive(Relation.newBuilder().setRepartition(Repartition.newBuilder().setInput(plan)
        .setNumPartitions(numPartitions).setShuffle(true)));
  }

  public DataFrame repartition(int numPartitions, Column... columns) {
    return derive(Relation.newBuilder().setRepartitionByExpression(RepartitionByExpression.newBuilder()
        .setInput(plan).setNumPartitions(numPartitions).addAllPartitionExprs(expressions(columns))));
  }

  public DataFrame repartition(Column... columns) {
    return derive(Relation.newBuilder().setRepartitionByExpression(RepartitionByExpression.newBuilder()
        .setInput(plan).addAllPartitionExprs(expressions(columns))));
  }

  /** Repartitions by ranges of the sort order of the given columns. */
  public DataFrame repartitionByRange(int numPartitions, Column... columns) {
    List<Expression> sorts = new ArrayList<>();
    for (Column column : columns) {
      sorts.add(Expression.newBuilder().setSortOrder(WindowSpec.sortOrder(column)).build());
    }
    return derive(Relation.newBuilder().setRepartitionByExpression(RepartitionByExpression.newBuilder()
        .setInput(plan).setNumPartitions(numPartitions).addAllPartitionExprs(sorts)));
  }

  /** Fewer partitions without a shuffle. */
  public DataFrame coalesce(int numPartitions) {
    return derive(Relation.newBuilder().setRepartition(Repartition.newBuilder().setInput(plan)
        .setNumPartitions(numPartitions).setShuffle(false)));
  }

  /** A query hint such as {@code broadcast}, {@code merge} or {@code repartition}. */
  public DataFrame hint(String name, Object... parameters) {
    return derive(Relation.newBuilder().setHint(Hint.newBuilder().setInput(plan).setName(name)
        .addAllParameters(Column.toExpressions(Arrays.asList(parameters)))));
  }

  /** Turns the value columns into rows of (variable, value), keeping the id columns. */
  public DataFrame unpivot(Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
    Unpivot.Builder unpivot = Unpivot.newBuilder().setInput(plan).addAllIds(expressions(ids))
        .setVariableColumnName(variableColumnName).setValueColumnName(valueColumnName);
    if (values != null) {
      unpivot.setValues(Unpivot.Values.newBuilder().addAllValues(expressions(values)));
    }
    return derive(Relation.newBuilder().setUnpivot(unpivot));
  }

  /** Unpivots every non-id column. */
  public DataFrame unpivot(Column[] ids, String variableColumnName, String valueColumnName) {
    return unpivot(ids, null, variableColumnName, valueColumnName);
  }

  public DataFrame melt(Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
    return unpivot(ids, values, variableColumnName, valueColumnName);
  }

  // ---- statistics

  /** Count, mean, stddev, min and max of the given columns (all numeric and string columns when none). */
  public DataFrame describe(String... columns) {
    return derive(Relation.newBuilder().setDescribe(StatDescribe.newBuilder().setInput(plan)
        .addAllCols(Arrays.asList(columns))));
  }

  /** The given statistics, such as {@code "count", "mean", "25%", "max"}; the default set when none. */
  public DataFrame summary(String... statistics) {
    return derive(Relation.newBuilder().setSummary(StatSummary.newBuilder().setInput(plan)
        .addAllStatistics(Arrays.asList(statistics))));
  }

  public DataFrameNaFunctions na() {
    return new DataFrameNaFunctions(this);
  }

  public DataFrameStatFunctions stat() {
    return new DataFrameStatFunctions(this);
  }

  DataFrame derived(Relation.Builder relation) {
    return derive(relation);
  }

  /**
   * Records aggregate metrics about the rows while an action runs, under a name; read them afterwards with
   * {@link Observation#get()} or {@link SparkSession#observedMetrics(String)}.
   */
  public DataFrame observe(String name, Column metric, Column... more) {
    List<Expression> metrics = new ArrayList<>();
    metrics.add(metric.expression());
    metrics.addAll(expressions(more));
    List<String> names = new ArrayList<>();
    for (Expression expression : metrics) {
      names.add(expression.hasAlias() ? expression.getAlias().getName(0) : "_" + (names.size() + 1));
    }
    session.operations().observations().declare(name, names);
    return derive(Relation.newBuilder().setCollectMetrics(io.sparkconnect.proto.CollectMetrics.newBuilder()
        .setInput(plan).setName(name).addAllMetrics(metrics)));
  }

  /** Records metrics into an {@link Observation}, readable once an action on the result has run. */
  public DataFrame observe(Observation observation, Column metric, Column... more) {
    observation.bind(session);
    return observe(observation.name(), metric, more);
  }

  // ---- actions

  /** Runs the query and returns every row. Rows are views over compact columns, not one object per value. */
  public List<Row> collect() {
    return session.operations().collect(plan, this::recordExecution);
  }

  /**
   * What the server reported about the latest action run on this DataFrame (collect, toLocalIterator,
   * forEachArrowBatch, count, first, head, take, show): the metrics of each node of the executed plan. Empty
   * before an action ran, or when the server sent no metrics.
   */
  public java.util.Optional<ExecutionInfo> executionInfo() {
    return java.util.Optional.ofNullable(executionInfo);
  }

  private void recordExecution(ExecutionInfo info) {
    executionInfo = info;
  }

  /** Runs another DataFrame's collect for an action of this one, which then reports its execution. */
  private List<Row> collectFor(DataFrame derived) {
    return session.operations().collect(derived.plan, this::recordExecution);
  }

  /** The same as {@link #collect()}, under the name Spark's Java API uses. */
  public List<Row> collectAsList() {
    return collect();
  }

  /**
   * Streams the rows, holding only a few Arrow batches in memory. Close the iterator (or read it to the end) to
   * release the server's operation.
   */
  public CloseableIterator<Row> toLocalIterator() {
    return session.operations().iterate(plan, this::recordExecution);
  }

  /**
   * Hands each result batch to {@code consumer} as Arrow vectors, without copying the data into rows. The vectors
   * are valid only during the call.
   *
   * @return the number of rows
   */
  public long forEachArrowBatch(java.util.function.Consumer<VectorSchemaRoot> consumer) {
    return session.operations().forEachArrowBatch(plan, consumer, this::recordExecution);
  }

  /** The number of rows. */
  public long count() {
    return collectFor(groupBy(new Column[0]).agg(functions.count(functions.lit(1)))).get(0).getLong(0);
  }

  /** The first {@code n} rows. */
  public List<Row> head(int n) {
    return collectFor(limit(n));
  }

  public List<Row> take(int n) {
    return head(n);
  }

  /** The last {@code n} rows. */
  public List<Row> tail(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("tail must not be negative, got " + n);
    }
    return session.operations().collect(session.withPlanId(Relation.newBuilder()
        .setTail(Tail.newBuilder().setInput(plan).setLimit(n))), this::recordExecution);
  }

  /**
   * The first row.
   *
   * @throws NoSuchElementException if there are no rows
   */
  public Row first() {
    List<Row> rows = head(1);
    if (rows.isEmpty()) {
      throw new NoSuchElementException("The DataFrame has no rows");
    }
    return rows.get(0);
  }

  public Row head() {
    return first();
  }

  public boolean isEmpty() {
    return head(1).isEmpty();
  }

  /** The rows as a table of at most {@code numRows}, values cut to {@code truncate} characters (0: none). */
  public String showString(int numRows, int truncate, boolean vertical) {
    if (numRows < 0) {
      throw new IllegalArgumentException("numRows must not be negative, got " + numRows);
    }
    Relation show = session.withPlanId(Relation.newBuilder().setShowString(ShowString.newBuilder()
        .setInput(plan).setNumRows(numRows).setTruncate(truncate).setVertical(vertical)));
    return session.operations().collect(show, this::recordExecution).get(0).getString(0);
  }

  /** Prints the first 20 rows, values cut to 20 characters. */
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

  // ---- views and caching

  public void createOrReplaceTempView(String name) {
    createView(name, false, true);
  }

  /** Creates a temporary view, failing if one with the name exists. */
  public void createTempView(String name) {
    createView(name, false, false);
  }

  public void createOrReplaceGlobalTempView(String name) {
    createView(name, true, true);
  }

  public void createGlobalTempView(String name) {
    createView(name, true, false);
  }

  private void createView(String name, boolean global, boolean replace) {
    session.operations().executeCommand(Command.newBuilder().setCreateDataframeView(CreateDataFrameViewCommand
        .newBuilder().setInput(plan).setName(name).setIsGlobal(global).setReplace(replace)).build());
  }

  /** Caches the rows in memory and on disk once computed. */
  public DataFrame cache() {
    return persist(StorageLevel.MEMORY_AND_DISK);
  }

  public DataFrame persist() {
    return cache();
  }

  public DataFrame persist(StorageLevel level) {
    session.operations().analyze(AnalyzePlanRequest.newBuilder().setPersist(AnalyzePlanRequest.Persist.newBuilder()
        .setRelation(plan).setStorageLevel(level.toProto())));
    return this;
  }

  public DataFrame unpersist() {
    return unpersist(false);
  }

  public DataFrame unpersist(boolean blocking) {
    session.operations().analyze(AnalyzePlanRequest.newBuilder().setUnpersist(AnalyzePlanRequest.Unpersist.newBuilder()
        .setRelation(plan).setBlocking(blocking)));
    return this;
  }

  public StorageLevel storageLevel() {
    return StorageLevel.fromProto(session.operations().analyze(AnalyzePlanRequest.newBuilder()
        .setGetStorageLevel(AnalyzePlanRequest.GetStorageLevel.newBuilder().setRelation(plan)))
        .getGetStorageLevel().getStorageLevel());
  }

  // ---- analysis

  private Plan asPlan() {
    return Plan.newBuilder().setRoot(plan).build();
  }

  /** The schema, from the server's analysis of the plan; runs no query. */
  public StructType schema() {
    return DataTypeConverter.schemaFromProto(session.operations().analyze(AnalyzePlanRequest.newBuilder()
        .setSchema(AnalyzePlanRequest.Schema.newBuilder().setPlan(asPlan()))).getSchema().getSchema());
  }

  public String[] columns() {
    return schema().fieldNames().toArray(new String[0]);
  }

  /** Each column's name and type name, such as {@code ("id", "bigint")}. */
  public List<Map.Entry<String, String>> dtypes() {
    List<Map.Entry<String, String>> types = new ArrayList<>();
    schema().fields().forEach(f -> types.add(Map.entry(f.name(), f.dataType().simpleString())));
    return types;
  }

  public void printSchema() {
    System.out.print(schema().treeString());
  }

  /** The schema tree as {@link #printSchema()} prints it, computed by the server. */
  public String treeString() {
    return session.operations().analyze(AnalyzePlanRequest.newBuilder()
        .setTreeString(AnalyzePlanRequest.TreeString.newBuilder().setPlan(asPlan()))).getTreeString().getTreeString();
  }

  /** The query plan as text; {@code mode} is simple, extended, codegen, cost or formatted. */
  public String explainString(String mode) {
    AnalyzePlanRequest.Explain.ExplainMode explainMode;
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "simple":
        explainMode = AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_SIMPLE;
        break;
      case "extended":
        explainMode = AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_EXTENDED;
        break;
      case "codegen":
        explainMode = AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_CODEGEN;
        break;
      case "cost":
        explainMode = AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_COST;
        break;
      case "formatted":
        explainMode = AnalyzePlanRequest.Explain.ExplainMode.EXPLAIN_MODE_FORMATTED;
        break;
      default:
        throw new IllegalArgumentException("Unknown explain mode '" + mode
            + "'; use simple, extended, codegen, cost or formatted");
    }
    return session.operations().analyze(AnalyzePlanRequest.newBuilder().setExplain(AnalyzePlanRequest.Explain
        .newBuilder().setPlan(asPlan()).setExplainMode(explainMode))).getExplain().getExplainString();
  }

  public void explain() {
    System.out.println(explainString("simple"));
  }

  public void explain(boolean extended) {
    System.out.println(explainString(extended ? "extended" : "simple"));
  }

  public void explain(String mode) {
    System.out.println(explainString(mode));
  }

  /** Whether {@link #collect()} can run without executors. */
  public boolean isLocal() {
    return session.operations().analyze(AnalyzePlanRequest.newBuilder().setIsLocal(AnalyzePlanRequest.IsLocal
        .newBuilder().setPlan(asPlan()))).getIsLocal().getIsLocal();
  }

  public boolean isStreaming() {
    return session.operations().analyze(AnalyzePlanRequest.newBuilder().setIsStreaming(AnalyzePlanRequest.IsStreaming
        .newBuilder().setPlan(asPlan()))).getIsStreaming().getIsStreaming();
  }

  /** The files the query reads, as far as the server can tell. */
  public String[] inputFiles() {
    return session.operations().analyze(AnalyzePlanRequest.newBuilder().setInputFiles(AnalyzePlanRequest.InputFiles
        .newBuilder().setPlan(asPlan()))).getInputFiles().getFilesList().toArray(new String[0]);
  }

  /** Whether both DataFrames compute the same rows, by the server's canonical plans. */
  public boolean sameSemantics(DataFrame other) {
    requireSameSession(other, "sameSemantics");
    AnalyzePlanResponse response = session.operations().analyze(AnalyzePlanRequest.newBuilder().setSameSemantics(
        AnalyzePlanRequest.SameSemantics.newBuilder().setTargetPlan(asPlan()).setOtherPlan(other.asPlan())));
    return response.getSameSemantics().getResult();
  }

  public int semanticHash() {
    return session.operations().analyze(AnalyzePlanRequest.newBuilder().setSemanticHash(AnalyzePlanRequest
        .SemanticHash.newBuilder().setPlan(asPlan()))).getSemanticHash().getResult();
  }

  // ---- writing

  public DataFrameWriter write() {
    return new DataFrameWriter(this);
  }

  /** Writes to the catalog table {@code table} through Spark's table (V2) API: create, replace, append, overwrite. */
  public DataFrameWriterV2 writeTo(String table) {
    return new DataFrameWriterV2(this, table);
  }

  /**
   * Merges these rows into {@code table} where {@code condition} matches, with the actions given on the returned
   * writer; nothing runs before its {@link MergeIntoWriter#merge()}.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, which has no merge command
   */
  public MergeIntoWriter mergeInto(String table, Column condition) {
    session.serverVersion().require("mergeInto()", 4, 0,
        "Use MERGE INTO in spark.sql(...) there, on a table whose catalog supports it");
    return new MergeIntoWriter(this, table, condition);
  }

  // ---- streaming

  /**
   * Starts streaming queries from this streaming DataFrame (one read with {@link SparkSession#readStream()}).
   */
  public DataStreamWriter writeStream() {
    return new DataStreamWriter(this);
  }

  /**
   * Marks {@code eventTime} as this stream's event time, letting Spark drop state and late rows more than {@code
   * delayThreshold} (such as {@code "10 minutes"}) behind the newest event time seen.
   */
  public DataFrame withWatermark(String eventTime, String delayThreshold) {
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(delayThreshold, "delayThreshold");
    return derive(Relation.newBuilder().setWithWatermark(io.sparkconnect.proto.WithWatermark.newBuilder()
        .setInput(plan).setEventTime(eventTime).setDelayThreshold(delayThreshold)));
  }

  /** Drops rows whose whole content repeats one seen within the watermark's delay. */
  public DataFrame dropDuplicatesWithinWatermark() {
    return derive(Relation.newBuilder().setDeduplicate(Deduplicate.newBuilder().setInput(plan)
        .setAllColumnsAsKeys(true).setWithinWatermark(true)));
  }

  /** Drops rows whose {@code columns} repeat those of a row seen within the watermark's delay. */
  public DataFrame dropDuplicatesWithinWatermark(String... columns) {
    return derive(Relation.newBuilder().setDeduplicate(Deduplicate.newBuilder().setInput(plan)
        .addAllColumnNames(Arrays.asList(columns)).setWithinWatermark(true)));
  }

  // ---- checkpoints

  /**
   * Checkpoints the rows at once to the server's checkpoint directory ({@code spark.checkpoint.dir}) and returns a
   * DataFrame that reads them, without the lineage of this one. The server keeps it until no plan of this client
   * refers to it any more (the client then releases it, as Spark's clients do, once the garbage collector notices)
   * or the session closes.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, which has no checkpoint command
   */
  public DataFrame checkpoint() {
    return checkpoint(true);
  }

  /** As {@link #checkpoint()}; with {@code eager} false, the rows are written when the result is first computed. */
  public DataFrame checkpoint(boolean eager) {
    return derive(Checkpoints.run(session, plan, false, eager, null));
  }

  /**
   * Checkpoints the rows at once into the executors' storage (fast, but lost with an executor) and returns a
   * DataFrame that reads them, without the lineage of this one; released as for {@link #checkpoint()}.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, which has no checkpoint command
   */
  public DataFrame localCheckpoint() {
    return localCheckpoint(true);
  }

  /** As {@link #localCheckpoint()}; with {@code eager} false, the rows are stored when first computed. */
  public DataFrame localCheckpoint(boolean eager) {
    return derive(Checkpoints.run(session, plan, true, eager, null));
  }

  /** As {@link #localCheckpoint(boolean)}, storing the rows at {@code storageLevel}. */
  public DataFrame localCheckpoint(boolean eager, StorageLevel storageLevel) {
    return derive(Checkpoints.run(session, plan, true, eager, Objects.requireNonNull(storageLevel, "storageLevel")));
  }

  @Override
  public String toString() {
    return "DataFrame[" + plan.getRelTypeCase().name().toLowerCase(Locale.ROOT) + "]";
  }
}
