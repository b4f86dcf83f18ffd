package io.sparkconnect.sql;

import io.sparkconnect.proto.Expression;
import io.sparkconnect.sql.internal.Expressions;
import java.util.ArrayList;
import java.util.List;

/** A window: its partitioning, ordering and frame. Immutable; each method returns a new spec. */
public final class WindowSpec {
  private final List<Expression> partitions;
  private final List<Expression.SortOrder> orders;
  private final Expression.Window.WindowFrame frame;

  WindowSpec(List<Expression> partitions, List<Expression.SortOrder> orders, Expression.Window.WindowFrame frame) {
    this.partitions = List.copyOf(partitions);
    this.orders = List.copyOf(orders);
    this.frame = frame;
  }

  public WindowSpec partitionBy(String... columns) {
    List<Expression> expressions = new ArrayList<>();
    for (String column : columns) {
      expressions.add(Expressions.attribute(column));
    }
    return new WindowSpec(expressions, orders, frame);
  }

  public WindowSpec partitionBy(Column... columns) {
    List<Expression> expressions = new ArrayList<>();
    for (Column column : columns) {
      expressions.add(column.expression());
    }
    return new WindowSpec(expressions, orders, frame);
  }

  public WindowSpec orderBy(String... columns) {
    Column[] converted = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      converted[i] = functions.col(columns[i]);
    }
    return orderBy(converted);
  }

  public WindowSpec orderBy(Column... columns) {
    List<Expression.SortOrder> sorts = new ArrayList<>();
    for (Column column : columns) {
      sorts.add(sortOrder(column));
    }
    return new WindowSpec(partitions, sorts, frame);
  }

  /** A frame of rows relative to the current row; use the {@link Window} markers for unbounded ends. */
  public WindowSpec rowsBetween(long start, long end) {
    return new WindowSpec(partitions, orders, frame(Expression.Window.WindowFrame.FrameType.FRAME_TYPE_ROW,
        start, end));
  }

  /** A frame of order-key values relative to the current row's. */
  public WindowSpec rangeBetween(long start, long end) {
    return new WindowSpec(partitions, orders, frame(Expression.Window.WindowFrame.FrameType.FRAME_TYPE_RANGE,
        start, end));
  }

  static Expression.SortOrder sortOrder(Column column) {
    Expression expression = column.expression();
    if (expression.hasSortOrder()) {
      return expression.getSortOrder();
    }
    return Expression.SortOrder.newBuilder().setChild(expression)
        .setDirection(Expression.SortOrder.SortDirection.SORT_DIRECTION_ASCENDING)
        .setNullOrdering(Expression.SortOrder.NullOrdering.SORT_NULLS_FIRST).build();
  }

  private static Expression.Window.WindowFrame frame(Expression.Window.WindowFrame.FrameType type, long start,
      long end) {
    if (start > end) {
      throw new IllegalArgumentException("window frame start " + start + " is after its end " + end);
    }
    return Expression.Window.WindowFrame.newBuilder().setFrameType(type)
        .setLower(boundary(start)).setUpper(boundary(end)).build();
  }

  private static Expression.Window.WindowFrame.FrameBoundary boundary(long value) {
    Expression.Window.WindowFrame.FrameBoundary.Builder boundary =
        Expression.Window.WindowFrame.FrameBoundary.newBuilder();
    if (value == Window.unboundedPreceding || value == Window.unboundedFollowing) {
      return boundary.setUnbounded(true).build();
    }
    if (value == Window.currentRow) {
      return boundary.setCurrentRow(true).build();
    }
    return boundary.setValue(Expressions.literal(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
        ? (Object) (int) value : (Object) value)).build();
  }

  Expression apply(Expression function) {
    Expression.Window.Builder window = Expression.Window.newBuilder().setWindowFunction(function)
        .addAllPartitionSpec(partitions).addAllOrderSpec(orders);
    if (frame != null) {
      window.setFrameSpec(frame);
    }
    return Expression.newBuilder().setWindow(window).build();
  }
}
