package io.sparkconnect.sql;

import io.sparkconnect.proto.Expression;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.internal.Expressions;
import io.sparkconnect.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A column expression, built lazily and resolved by the server. Operators take another column or a plain Java
 * value, which becomes a literal. Immutable.
 */
public final class Column {
  private final Expression expression;

  Column(Expression expression) {
    this.expression = Objects.requireNonNull(expression, "expression");
  }

  /** The protocol expression; package-private so that no generated type reaches the API. */
  Expression expression() {
    return expression;
  }

  static Expression toExpression(Object value) {
    return value instanceof Column ? ((Column) value).expression : Expressions.literal(value);
  }

  static List<Expression> toExpressions(Collection<?> values) {
    List<Expression> expressions = new ArrayList<>(values.size());
    for (Object value : values) {
      expressions.add(toExpression(value));
    }
    return expressions;
  }

  private Column fn(String name, Object... others) {
    List<Expression> arguments = new ArrayList<>(others.length + 1);
    arguments.add(expression);
    for (Object other : others) {
      arguments.add(toExpression(other));
    }
    return new Column(Expressions.function(name, arguments));
  }

  public Column plus(Object other) {
    return fn("+", other);
  }

  public Column minus(Object other) {
    return fn("-", other);
  }

  public Column multiply(Object other) {
    return fn("*", other);
  }

  public Column divide(Object other) {
    return fn("/", other);
  }

  public Column mod(Object other) {
    return fn("%", other);
  }

  /** The arithmetic negation, {@code -col}. */
  public Column negate() {
    return fn("negative");
  }

  public Column equalTo(Object other) {
    return fn("==", other);
  }

  public Column notEqual(Object other) {
    return new Column(Expressions.function("!", List.of(fn("==", other).expression)));
  }

  /** Equality that treats two nulls as equal, {@code <=>}. */
  public Column eqNullSafe(Object other) {
    return fn("<=>", other);
  }

  public Column gt(Object other) {
    return fn(">", other);
  }

  public Column lt(Object other) {
    return fn("<", other);
  }

  public Column geq(Object other) {
    return fn(">=", other);
  }

  public Column leq(Object other) {
    return fn("<=", other);
  }

  public Column and(Column other) {
    return fn("and", other);
  }

  public Column or(Column other) {
    return fn("or", other);
  }

  public Column bitwiseAND(Object other) {
    return fn("&", other);
  }

  public Column bitwiseOR(Object other) {
    return fn("|", other);
  }

  public Column bitwiseXOR(Object other) {
    return fn("^", other);
  }

  public Column isNull() {
    return fn("isnull");
  }

  public Column isNotNull() {
    return fn("isnotnull");
  }

  public Column isNaN() {
    return fn("isnan");
  }

  /** Whether the value equals any of the given values or columns. */
  public Column isin(Object... values) {
    return fn("in", values);
  }

  public Column isInCollection(Collection<?> values) {
    return fn("in", values.toArray());
  }

  /** {@code lower <= col <= upper}. */
  public Column between(Object lower, Object upper) {
    return geq(lower).and(leq(upper));
  }

  public Column like(String pattern) {
    return fn("like", pattern);
  }

  public Column rlike(String regex) {
    return fn("rlike", regex);
  }

  public Column ilike(String pattern) {
    return fn("ilike", pattern);
  }

  public Column startsWith(Object prefix) {
    return fn("startswith", prefix);
  }

  public Column endsWith(Object suffix) {
    return fn("endswith", suffix);
  }

  public Column contains(Object other) {
    return fn("contains", other);
  }

  /** The substring starting at {@code position} (1-based) of {@code length} characters. */
  public Column substr(Object position, Object length) {
    return fn("substr", position, length);
  }

  /** The column under a new name. */
  public Column alias(String name) {
    return new Column(Expression.newBuilder().setAlias(Expression.Alias.newBuilder()
        .setExpr(expression).addName(Objects.requireNonNull(name, "name"))).build());
  }

  public Column as(String name) {
    return alias(name);
  }

  /** Names for the several columns a generator such as {@code posexplode} produces. */
  public Column as(String... names) {
    return new Column(Expression.newBuilder().setAlias(Expression.Alias.newBuilder()
        .setExpr(expression).addAllName(Arrays.asList(names))).build());
  }

  public Column name(String name) {
    return alias(name);
  }

  public Column cast(DataType type) {
    return new Column(Expression.newBuilder().setCast(Expression.Cast.newBuilder()
        .setExpr(expression).setType(DataTypeConverter.toProto(type))).build());
  }

  /** A cast to a type given in SQL, such as {@code "decimal(10,2)"} or {@code "array<int>"}. */
  public Column cast(String type) {
    return new Column(Expression.newBuilder().setCast(Expression.Cast.newBuilder()
        .setExpr(expression).setTypeStr(Objects.requireNonNull(type, "type"))).build());
  }

  public Column asc() {
    return sort(Expression.SortOrder.SortDirection.SORT_DIRECTION_ASCENDING,
        Expression.SortOrder.NullOrdering.SORT_NULLS_FIRST);
  }

  public Column asc_nulls_first() {
    return asc();
  }

  public Column asc_nulls_last() {
    return sort(Expression.SortOrder.SortDirection.SORT_DIRECTION_ASCENDING,
        Expression.SortOrder.NullOrdering.SORT_NULLS_LAST);
  }

  public Column desc() {
    return sort(Expression.SortOrder.SortDirection.SORT_DIRECTION_DESCENDING,
        Expression.SortOrder.NullOrdering.SORT_NULLS_LAST);
  }

  public Column desc_nulls_first() {
    return sort(Expression.SortOrder.SortDirection.SORT_DIRECTION_DESCENDING,
        Expression.SortOrder.NullOrdering.SORT_NULLS_FIRST);
  }

  public Column desc_nulls_last() {
    return desc();
  }

  private Column sort(Expression.SortOrder.SortDirection direction, Expression.SortOrder.NullOrdering nulls) {
    return new Column(Expression.newBuilder().setSortOrder(Expression.SortOrder.newBuilder()
        .setChild(expression).setDirection(direction).setNullOrdering(nulls)).build());
  }

  /** A field of a struct column. */
  public Column getField(String field) {
    return extract(field);
  }

  /** An element of an array (by 0-based index) or a map (by key). */
  public Column getItem(Object key) {
    return extract(key);
  }

  /** The same as {@link #getItem(Object)}, as {@code col(key)} is in Scala. */
  public Column apply(Object key) {
    return extract(key);
  }

  private Column extract(Object key) {
    return new Column(Expression.newBuilder().setUnresolvedExtractValue(Expression.UnresolvedExtractValue
        .newBuilder().setChild(expression).setExtraction(toExpression(key))).build());
  }

  /**
   * Adds a branch to a {@link functions#when(Column, Object)} expression.
   *
   * @throws SparkConnectException if this column is not a {@code when} expression or already has an otherwise
   */
  public Column when(Column condition, Object value) {
    List<Expression> arguments = whenArguments("when");
    arguments.add(condition.expression);
    arguments.add(toExpression(value));
    return new Column(Expressions.function("when", arguments));
  }

  /** The value of a {@code when} expression when no branch matches; null without it. */
  public Column otherwise(Object value) {
    List<Expression> arguments = whenArguments("otherwise");
    arguments.add(toExpression(value));
    return new Column(Expressions.function("when", arguments));
  }

  private List<Expression> whenArguments(String method) {
    if (!expression.hasUnresolvedFunction() || !expression.getUnresolvedFunction().getFunctionName().equals("when")) {
      throw new SparkConnectException(method + "() applies only to a column made by functions.when(...)");
    }
    List<Expression> arguments = new ArrayList<>(expression.getUnresolvedFunction().getArgumentsList());
    if (arguments.size() % 2 == 1) {
      throw new SparkConnectException(method + "() cannot follow otherwise()");
    }
    return arguments;
  }

  /** This window or aggregate function evaluated over a window. */
  public Column over(WindowSpec window) {
    return new Column(window.apply(expression));
  }

  /** This function over the whole result as one window. */
  public Column over() {
    return over(Window.spec());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Column && ((Column) other).expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return "Column[" + expression.getExprTypeCase().name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
