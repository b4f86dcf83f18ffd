package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.Expression;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SQL;
import io.sparkconnect.proto.SqlCommand;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@code SqlCommand} for a statement. Without parameters it uses the field every server understands;
 * with parameters it uses the 4.x relation form on 4.x servers and the literal-only 3.5 fields on 3.5.
 */
@SuppressWarnings("deprecation")
public final class SqlStatements {
  private SqlStatements() {}

  public static SqlCommand named(String query, Map<String, ?> arguments, Supplier<ServerVersion> version) {
    if (arguments.isEmpty()) {
      return SqlCommand.newBuilder().setSql(query).build();
    }
    if (version.get().isAtLeast(4, 0)) {
      SQL.Builder sql = SQL.newBuilder().setQuery(query);
      arguments.forEach((name, value) -> sql.putNamedArguments(name, expression(value)));
      return SqlCommand.newBuilder().setInput(Relation.newBuilder().setSql(sql)).build();
    }
    SqlCommand.Builder command = SqlCommand.newBuilder().setSql(query);
    arguments.forEach((name, value) -> command.putArgs(name, literal(value, name)));
    return command.build();
  }

  public static SqlCommand positional(String query, List<?> arguments, Supplier<ServerVersion> version) {
    if (arguments.isEmpty()) {
      return SqlCommand.newBuilder().setSql(query).build();
    }
    if (version.get().isAtLeast(4, 0)) {
      SQL.Builder sql = SQL.newBuilder().setQuery(query);
      arguments.forEach(value -> sql.addPosArguments(expression(value)));
      return SqlCommand.newBuilder().setInput(Relation.newBuilder().setSql(sql)).build();
    }
    SqlCommand.Builder command = SqlCommand.newBuilder().setSql(query);
    for (int i = 0; i < arguments.size(); i++) {
      command.addPosArgs(literal(arguments.get(i), "#" + (i + 1)));
    }
    return command.build();
  }

  private static Expression expression(Object value) {
    if (value instanceof io.sparkconnect.sql.Column) {
      return ((io.sparkconnect.sql.Column) value).expression();
    }
    return Expressions.literal(value);
  }

  private static Expression.Literal literal(Object value, String name) {
    if (value instanceof io.sparkconnect.sql.Column) {
      Expression expression = ((io.sparkconnect.sql.Column) value).expression();
      if (!expression.hasLiteral()) {
        throw new IllegalArgumentException("SQL parameter " + name + " is a column expression; Spark 3.5 servers "
            + "accept only literal values as parameters");
      }
      return expression.getLiteral();
    }
    return Literals.of(value);
  }
}
