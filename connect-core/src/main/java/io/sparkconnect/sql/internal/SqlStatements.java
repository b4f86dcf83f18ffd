package io.sparkconnect.sql.internal;

import io.sparkconnect.proto.Expression;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SQL;
import io.sparkconnect.proto.SqlCommand;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@code SqlCommand} for a statement: the {@code input} relation on 4.x servers, where the older
 * fields are deprecated, and the {@code sql} field with literal-only arguments on 3.5.
 */
@SuppressWarnings("deprecation")
public final class SqlStatements {
  private SqlStatements() {}

  /** A statement with {@code :name} parameters, given as expressions (literals for 3.5 servers). */
  public static SqlCommand named(String query, Map<String, Expression> arguments, Supplier<ServerVersion> version) {
    if (version.get().isAtLeast(4, 0)) {
      SQL.Builder sql = SQL.newBuilder().setQuery(query);
      arguments.forEach(sql::putNamedArguments);
      return SqlCommand.newBuilder().setInput(Relation.newBuilder().setSql(sql)).build();
    }
    SqlCommand.Builder command = SqlCommand.newBuilder().setSql(query);
    arguments.forEach((name, value) -> command.putArgs(name, literal(value, name)));
    return command.build();
  }

  /** A statement with {@code ?} parameters, given as expressions (literals for 3.5 servers). */
  public static SqlCommand positional(String query, List<Expression> arguments, Supplier<ServerVersion> version) {
    if (version.get().isAtLeast(4, 0)) {
      SQL.Builder sql = SQL.newBuilder().setQuery(query).addAllPosArguments(arguments);
      return SqlCommand.newBuilder().setInput(Relation.newBuilder().setSql(sql)).build();
    }
    SqlCommand.Builder command = SqlCommand.newBuilder().setSql(query);
    for (int i = 0; i < arguments.size(); i++) {
      command.addPosArgs(literal(arguments.get(i), "#" + (i + 1)));
    }
    return command.build();
  }

  private static Expression.Literal literal(Expression expression, String name) {
    if (!expression.hasLiteral()) {
      throw new IllegalArgumentException("SQL parameter " + name + " is a column expression; Spark 3.5 servers "
          + "accept only literal values as parameters");
    }
    return expression.getLiteral();
  }
}
