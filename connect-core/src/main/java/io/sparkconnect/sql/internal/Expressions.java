package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.Expression;
import java.util.List;

/** Builders for the protocol expressions that columns and functions are made of. */
public final class Expressions {
  private Expressions() {}

  public static Expression function(String name, List<Expression> arguments) {
    return function(name, false, arguments);
  }

  public static Expression function(String name, boolean distinct, List<Expression> arguments) {
    return Expression.newBuilder().setUnresolvedFunction(Expression.UnresolvedFunction.newBuilder()
        .setFunctionName(name).setIsDistinct(distinct).addAllArguments(arguments)).build();
  }

  public static Expression attribute(String name) {
    return Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier(name)).build();
  }

  /** A column of a specific DataFrame, so that self-joins resolve to the right side. */
  public static Expression attribute(String name, long planId) {
    return Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier(name).setPlanId(planId)).build();
  }

  public static Expression star() {
    return Expression.newBuilder().setUnresolvedStar(Expression.UnresolvedStar.getDefaultInstance()).build();
  }

  public static Expression star(String target) {
    return Expression.newBuilder().setUnresolvedStar(
        Expression.UnresolvedStar.newBuilder().setUnparsedTarget(target + ".*")).build();
  }

  public static Expression literal(Object value) {
    return Expression.newBuilder().setLiteral(Literals.of(value)).build();
  }

  public static Expression sql(String expression) {
    return Expression.newBuilder().setExpressionString(
        Expression.ExpressionString.newBuilder().setExpression(expression)).build();
  }
}
