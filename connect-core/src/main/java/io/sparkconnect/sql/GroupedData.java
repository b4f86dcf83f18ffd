package io.sparkconnect.sql;

import io.sparkconnect.proto.Aggregate;
import io.sparkconnect.proto.Expression;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.internal.Literals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A DataFrame grouped by columns (also by rollup, cube or grouping sets), waiting for aggregations. Immutable;
 * {@link #pivot(String)} returns a new grouping.
 */
public final class GroupedData {
  private final DataFrame input;
  private final Aggregate.GroupType type;
  private final List<Expression> grouping;
  private final List<List<Expression>> groupingSets;
  private final Aggregate.Pivot pivot;

  GroupedData(DataFrame input, Aggregate.GroupType type, List<Expression> grouping,
      List<List<Expression>> groupingSets) {
    this(input, type, grouping, groupingSets, null);
  }

  private GroupedData(DataFrame input, Aggregate.GroupType type, List<Expression> grouping,
      List<List<Expression>> groupingSets, Aggregate.Pivot pivot) {
    this.input = input;
    this.type = type;
    this.grouping = List.copyOf(grouping);
    this.groupingSets = List.copyOf(groupingSets);
    this.pivot = pivot;
  }

  /** Computes the aggregates per group, as {@code agg(sum("x"), max("y"))}. */
  public DataFrame agg(Column aggregate, Column... more) {
    List<Column> all = new ArrayList<>();
    all.add(aggregate);
    all.addAll(Arrays.asList(more));
    return aggregate(all);
  }

  /** Computes {@code function(column)} per group for each entry, as {@code Map.of("x", "max")}. */
  public DataFrame agg(Map<String, String> columnToFunction) {
    List<Column> all = new ArrayList<>();
    columnToFunction.forEach((column, function) ->
        all.add(functions.call_function(function, functions.col(column))));
    return aggregate(all);
  }

  private DataFrame aggregate(List<Column> aggregates) {
    Aggregate.Builder aggregate = Aggregate.newBuilder().setInput(input.plan()).setGroupType(type)
        .addAllGroupingExpressions(grouping);
    for (Column column : aggregates) {
      aggregate.addAggregateExpressions(column.expression());
    }
    for (List<Expression> set : groupingSets) {
      aggregate.addGroupingSets(Aggregate.GroupingSets.newBuilder().addAllGroupingSet(set));
    }
    if (pivot != null) {
      aggregate.setPivot(pivot);
    }
    return input.derived(Relation.newBuilder().setAggregate(aggregate));
  }

  public DataFrame count() {
    return agg(functions.count(functions.lit(1)).alias("count"));
  }

  public DataFrame sum(String... columns) {
    return each("sum", columns);
  }

  public DataFrame avg(String... columns) {
    return each("avg", columns);
  }

  public DataFrame mean(String... columns) {
    return each("avg", columns);
  }

  public DataFrame min(String... columns) {
    return each("min", columns);
  }

  public DataFrame max(String... columns) {
    return each("max", columns);
  }

  private DataFrame each(String function, String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException(function + "() needs at least one column name");
    }
    List<Column> all = new ArrayList<>();
    for (String column : columns) {
      all.add(functions.call_function(function, functions.col(column)));
    }
    return aggregate(all);
  }

  /** Pivots on a column: one output column per distinct value (computed by the server). */
  public GroupedData pivot(String column) {
    return pivot(functions.col(column));
  }

  public GroupedData pivot(Column column) {
    return pivot(column, List.of());
  }

  /** Pivots on a column with the given values as the output columns. */
  public GroupedData pivot(String column, List<?> values) {
    return pivot(functions.col(column), values);
  }

  public GroupedData pivot(Column column, List<?> values) {
    if (type != Aggregate.GroupType.GROUP_TYPE_GROUPBY) {
      throw new SparkConnectException("pivot() applies only after groupBy(), not rollup, cube or grouping sets");
    }
    Aggregate.Pivot.Builder pivot = Aggregate.Pivot.newBuilder().setCol(column.expression());
    for (Object value : values) {
      pivot.addValues(Literals.of(value));
    }
    return new GroupedData(input, Aggregate.GroupType.GROUP_TYPE_PIVOT, grouping, groupingSets, pivot.build());
  }
}
