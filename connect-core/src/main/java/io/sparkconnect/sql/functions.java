package io.sparkconnect.sql;

import io.sparkconnect.proto.Expression;
import io.sparkconnect.sql.internal.Expressions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spark SQL functions as typed static methods: aggregate, math, string, date and time, collection, conditional and
 * window families. {@link #call_function(String, Column...)} and {@link #expr(String)} reach every other function
 * the server knows. Arguments typed {@code Object} take a {@link Column} or a plain Java value (a literal).
 */
@SuppressWarnings("checkstyle:MethodName")
public final class functions {
  private functions() {}

  /** The column with this name; {@code "*"} and {@code "t.*"} are stars. */
  public static Column col(String name) {
    if (name.equals("*")) {
      return new Column(Expressions.star());
    }
    if (name.endsWith(".*")) {
      return new Column(Expressions.star(name.substring(0, name.length() - 2)));
    }
    return new Column(Expressions.attribute(name));
  }

  public static Column column(String name) {
    return col(name);
  }

  /** A literal value, or the column itself when given a column. */
  public static Column lit(Object value) {
    return value instanceof Column ? (Column) value : new Column(Expressions.literal(value));
  }

  /** A SQL expression parsed by the server, such as {@code "a + 1"} or {@code "count(*)"}. */
  public static Column expr(String expression) {
    return new Column(Expressions.sql(expression));
  }

  /** Any function the server knows, by name, such as a SQL function newer than this client. */
  public static Column call_function(String name, Column... arguments) {
    List<Expression> expressions = new ArrayList<>();
    for (Column argument : arguments) {
      expressions.add(argument.expression());
    }
    return new Column(Expressions.function(name, expressions));
  }

  /** The start of a conditional: {@code when(cond, value).when(...).otherwise(default)}. */
  public static Column when(Column condition, Object value) {
    return new Column(Expressions.function("when", List.of(condition.expression(), Column.toExpression(value))));
  }

  public static Column asc(String columnName) {
    return col(columnName).asc();
  }

  public static Column desc(String columnName) {
    return col(columnName).desc();
  }

  public static Column countDistinct(Column first, Column... more) {
    List<Expression> expressions = new ArrayList<>();
    expressions.add(first.expression());
    for (Column column : more) {
      expressions.add(column.expression());
    }
    return new Column(Expressions.function("count", true, expressions));
  }

  public static Column countDistinct(String first, String... more) {
    Column[] columns = new Column[more.length];
    for (int i = 0; i < more.length; i++) {
      columns[i] = col(more[i]);
    }
    return countDistinct(col(first), columns);
  }

  public static Column count_distinct(Column first, Column... more) {
    return countDistinct(first, more);
  }

  public static Column sumDistinct(Column e) {
    return sum_distinct(e);
  }

  /** Marks a DataFrame for broadcast in joins. */
  public static DataFrame broadcast(DataFrame df) {
    return df.hint("broadcast");
  }

  /** Spark SQL's {@code count}. */
  public static Column count(Column e) {
    return new Column(Expressions.function("count", false, List.of(e.expression())));
  }

  public static Column count(String columnName) {
    return count(col(columnName));
  }

  /** Spark SQL's {@code sum}. */
  public static Column sum(Column e) {
    return new Column(Expressions.function("sum", false, List.of(e.expression())));
  }

  public static Column sum(String columnName) {
    return sum(col(columnName));
  }

  /** Spark SQL's {@code avg}. */
  public static Column avg(Column e) {
    return new Column(Expressions.function("avg", false, List.of(e.expression())));
  }

  public static Column avg(String columnName) {
    return avg(col(columnName));
  }

  /** Spark SQL's {@code avg}. */
  public static Column mean(Column e) {
    return new Column(Expressions.function("avg", false, List.of(e.expression())));
  }

  public static Column mean(String columnName) {
    return mean(col(columnName));
  }

  /** Spark SQL's {@code min}. */
  public static Column min(Column e) {
    return new Column(Expressions.function("min", false, List.of(e.expression())));
  }

  public static Column min(String columnName) {
    return min(col(columnName));
  }

  /** Spark SQL's {@code max}. */
  public static Column max(Column e) {
    return new Column(Expressions.function("max", false, List.of(e.expression())));
  }

  public static Column max(String columnName) {
    return max(col(columnName));
  }

  /** Spark SQL's {@code first}. */
  public static Column first(Column e) {
    return new Column(Expressions.function("first", false, List.of(e.expression())));
  }

  public static Column first(String columnName) {
    return first(col(columnName));
  }

  /** Spark SQL's {@code last}. */
  public static Column last(Column e) {
    return new Column(Expressions.function("last", false, List.of(e.expression())));
  }

  public static Column last(String columnName) {
    return last(col(columnName));
  }

  /** Spark SQL's {@code first_value}. */
  public static Column first_value(Column e) {
    return new Column(Expressions.function("first_value", false, List.of(e.expression())));
  }

  public static Column first_value(String columnName) {
    return first_value(col(columnName));
  }

  /** Spark SQL's {@code last_value}. */
  public static Column last_value(Column e) {
    return new Column(Expressions.function("last_value", false, List.of(e.expression())));
  }

  public static Column last_value(String columnName) {
    return last_value(col(columnName));
  }

  /** Spark SQL's {@code collect_list}. */
  public static Column collect_list(Column e) {
    return new Column(Expressions.function("collect_list", false, List.of(e.expression())));
  }

  public static Column collect_list(String columnName) {
    return collect_list(col(columnName));
  }

  /** Spark SQL's {@code collect_set}. */
  public static Column collect_set(Column e) {
    return new Column(Expressions.function("collect_set", false, List.of(e.expression())));
  }

  public static Column collect_set(String columnName) {
    return collect_set(col(columnName));
  }

  /** Spark SQL's {@code approx_count_distinct}. */
  public static Column approx_count_distinct(Column e) {
    return new Column(Expressions.function("approx_count_distinct", false, List.of(e.expression())));
  }

  public static Column approx_count_distinct(String columnName) {
    return approx_count_distinct(col(columnName));
  }

  /** Spark SQL's {@code stddev}. */
  public static Column stddev(Column e) {
    return new Column(Expressions.function("stddev", false, List.of(e.expression())));
  }

  public static Column stddev(String columnName) {
    return stddev(col(columnName));
  }

  /** Spark SQL's {@code stddev_samp}. */
  public static Column stddev_samp(Column e) {
    return new Column(Expressions.function("stddev_samp", false, List.of(e.expression())));
  }

  public static Column stddev_samp(String columnName) {
    return stddev_samp(col(columnName));
  }

  /** Spark SQL's {@code stddev_pop}. */
  public static Column stddev_pop(Column e) {
    return new Column(Expressions.function("stddev_pop", false, List.of(e.expression())));
  }

  public static Column stddev_pop(String columnName) {
    return stddev_pop(col(columnName));
  }

  /** Spark SQL's {@code variance}. */
  public static Column variance(Column e) {
    return new Column(Expressions.function("variance", false, List.of(e.expression())));
  }

  public static Column variance(String columnName) {
    return variance(col(columnName));
  }

  /** Spark SQL's {@code var_samp}. */
  public static Column var_samp(Column e) {
    return new Column(Expressions.function("var_samp", false, List.of(e.expression())));
  }

  public static Column var_samp(String columnName) {
    return var_samp(col(columnName));
  }

  /** Spark SQL's {@code var_pop}. */
  public static Column var_pop(Column e) {
    return new Column(Expressions.function("var_pop", false, List.of(e.expression())));
  }

  public static Column var_pop(String columnName) {
    return var_pop(col(columnName));
  }

  /** Spark SQL's {@code corr}. */
  public static Column corr(Column e, Column a) {
    return new Column(Expressions.function("corr", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code covar_pop}. */
  public static Column covar_pop(Column e, Column a) {
    return new Column(Expressions.function("covar_pop", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code covar_samp}. */
  public static Column covar_samp(Column e, Column a) {
    return new Column(Expressions.function("covar_samp", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code skewness}. */
  public static Column skewness(Column e) {
    return new Column(Expressions.function("skewness", false, List.of(e.expression())));
  }

  public static Column skewness(String columnName) {
    return skewness(col(columnName));
  }

  /** Spark SQL's {@code kurtosis}. */
  public static Column kurtosis(Column e) {
    return new Column(Expressions.function("kurtosis", false, List.of(e.expression())));
  }

  public static Column kurtosis(String columnName) {
    return kurtosis(col(columnName));
  }

  /** Spark SQL's {@code median}. */
  public static Column median(Column e) {
    return new Column(Expressions.function("median", false, List.of(e.expression())));
  }

  public static Column median(String columnName) {
    return median(col(columnName));
  }

  /** Spark SQL's {@code mode}. */
  public static Column mode(Column e) {
    return new Column(Expressions.function("mode", false, List.of(e.expression())));
  }

  public static Column mode(String columnName) {
    return mode(col(columnName));
  }

  /** Spark SQL's {@code any_value}. */
  public static Column any_value(Column e) {
    return new Column(Expressions.function("any_value", false, List.of(e.expression())));
  }

  public static Column any_value(String columnName) {
    return any_value(col(columnName));
  }

  /** Spark SQL's {@code bool_and}. */
  public static Column bool_and(Column e) {
    return new Column(Expressions.function("bool_and", false, List.of(e.expression())));
  }

  public static Column bool_and(String columnName) {
    return bool_and(col(columnName));
  }

  /** Spark SQL's {@code bool_or}. */
  public static Column bool_or(Column e) {
    return new Column(Expressions.function("bool_or", false, List.of(e.expression())));
  }

  public static Column bool_or(String columnName) {
    return bool_or(col(columnName));
  }

  /** Spark SQL's {@code every}. */
  public static Column every(Column e) {
    return new Column(Expressions.function("every", false, List.of(e.expression())));
  }

  public static Column every(String columnName) {
    return every(col(columnName));
  }

  /** Spark SQL's {@code some}. */
  public static Column some(Column e) {
    return new Column(Expressions.function("some", false, List.of(e.expression())));
  }

  public static Column some(String columnName) {
    return some(col(columnName));
  }

  /** Spark SQL's {@code max_by}. */
  public static Column max_by(Column e, Column a) {
    return new Column(Expressions.function("max_by", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code min_by}. */
  public static Column min_by(Column e, Column a) {
    return new Column(Expressions.function("min_by", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code count_if}. */
  public static Column count_if(Column e) {
    return new Column(Expressions.function("count_if", false, List.of(e.expression())));
  }

  public static Column count_if(String columnName) {
    return count_if(col(columnName));
  }

  /** Spark SQL's {@code sum}. */
  public static Column sum_distinct(Column e) {
    return new Column(Expressions.function("sum", true, List.of(e.expression())));
  }

  public static Column sum_distinct(String columnName) {
    return sum_distinct(col(columnName));
  }

  /** Spark SQL's {@code grouping}. */
  public static Column grouping(Column e) {
    return new Column(Expressions.function("grouping", false, List.of(e.expression())));
  }

  public static Column grouping(String columnName) {
    return grouping(col(columnName));
  }

  /** Spark SQL's {@code grouping_id}. */
  public static Column grouping_id(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("grouping_id", false, arguments));
  }

  /** Spark SQL's {@code percentile_approx}. */
  public static Column percentile_approx(Column e, Object a, Object b) {
    return new Column(Expressions.function("percentile_approx", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column percentile_approx(String columnName, Object a, Object b) {
    return percentile_approx(col(columnName), a, b);
  }

  /** Spark SQL's {@code percentile}. */
  public static Column percentile(Column e, Object a) {
    return new Column(Expressions.function("percentile", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column percentile(String columnName, Object a) {
    return percentile(col(columnName), a);
  }

  /** Spark SQL's {@code product}. */
  public static Column product(Column e) {
    return new Column(Expressions.function("product", false, List.of(e.expression())));
  }

  public static Column product(String columnName) {
    return product(col(columnName));
  }

  /** Spark SQL's {@code array_agg}. */
  public static Column array_agg(Column e) {
    return new Column(Expressions.function("array_agg", false, List.of(e.expression())));
  }

  public static Column array_agg(String columnName) {
    return array_agg(col(columnName));
  }

  /** Spark SQL's {@code abs}. */
  public static Column abs(Column e) {
    return new Column(Expressions.function("abs", false, List.of(e.expression())));
  }

  public static Column abs(String columnName) {
    return abs(col(columnName));
  }

  /** Spark SQL's {@code sqrt}. */
  public static Column sqrt(Column e) {
    return new Column(Expressions.function("sqrt", false, List.of(e.expression())));
  }

  public static Column sqrt(String columnName) {
    return sqrt(col(columnName));
  }

  /** Spark SQL's {@code cbrt}. */
  public static Column cbrt(Column e) {
    return new Column(Expressions.function("cbrt", false, List.of(e.expression())));
  }

  public static Column cbrt(String columnName) {
    return cbrt(col(columnName));
  }

  /** Spark SQL's {@code exp}. */
  public static Column exp(Column e) {
    return new Column(Expressions.function("exp", false, List.of(e.expression())));
  }

  public static Column exp(String columnName) {
    return exp(col(columnName));
  }

  /** Spark SQL's {@code expm1}. */
  public static Column expm1(Column e) {
    return new Column(Expressions.function("expm1", false, List.of(e.expression())));
  }

  public static Column expm1(String columnName) {
    return expm1(col(columnName));
  }

  /** Spark SQL's {@code log}. */
  public static Column log(Column e) {
    return new Column(Expressions.function("log", false, List.of(e.expression())));
  }

  public static Column log(String columnName) {
    return log(col(columnName));
  }

  /** Spark SQL's {@code log10}. */
  public static Column log10(Column e) {
    return new Column(Expressions.function("log10", false, List.of(e.expression())));
  }

  public static Column log10(String columnName) {
    return log10(col(columnName));
  }

  /** Spark SQL's {@code log2}. */
  public static Column log2(Column e) {
    return new Column(Expressions.function("log2", false, List.of(e.expression())));
  }

  public static Column log2(String columnName) {
    return log2(col(columnName));
  }

  /** Spark SQL's {@code log1p}. */
  public static Column log1p(Column e) {
    return new Column(Expressions.function("log1p", false, List.of(e.expression())));
  }

  public static Column log1p(String columnName) {
    return log1p(col(columnName));
  }

  /** Spark SQL's {@code ln}. */
  public static Column ln(Column e) {
    return new Column(Expressions.function("ln", false, List.of(e.expression())));
  }

  public static Column ln(String columnName) {
    return ln(col(columnName));
  }

  /** Spark SQL's {@code pow}. */
  public static Column pow(Column e, Object a) {
    return new Column(Expressions.function("pow", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column pow(String columnName, Object a) {
    return pow(col(columnName), a);
  }

  /** Spark SQL's {@code power}. */
  public static Column power(Column e, Object a) {
    return new Column(Expressions.function("power", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column power(String columnName, Object a) {
    return power(col(columnName), a);
  }

  /** Spark SQL's {@code round}. */
  public static Column round(Column e) {
    return new Column(Expressions.function("round", false, List.of(e.expression())));
  }

  public static Column round(String columnName) {
    return round(col(columnName));
  }

  /** Spark SQL's {@code round}. */
  public static Column round(Column e, Object a) {
    return new Column(Expressions.function("round", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column round(String columnName, Object a) {
    return round(col(columnName), a);
  }

  /** Spark SQL's {@code bround}. */
  public static Column bround(Column e) {
    return new Column(Expressions.function("bround", false, List.of(e.expression())));
  }

  public static Column bround(String columnName) {
    return bround(col(columnName));
  }

  /** Spark SQL's {@code bround}. */
  public static Column bround(Column e, Object a) {
    return new Column(Expressions.function("bround", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column bround(String columnName, Object a) {
    return bround(col(columnName), a);
  }

  /** Spark SQL's {@code ceil}. */
  public static Column ceil(Column e) {
    return new Column(Expressions.function("ceil", false, List.of(e.expression())));
  }

  public static Column ceil(String columnName) {
    return ceil(col(columnName));
  }

  /** Spark SQL's {@code floor}. */
  public static Column floor(Column e) {
    return new Column(Expressions.function("floor", false, List.of(e.expression())));
  }

  public static Column floor(String columnName) {
    return floor(col(columnName));
  }

  /** Spark SQL's {@code sin}. */
  public static Column sin(Column e) {
    return new Column(Expressions.function("sin", false, List.of(e.expression())));
  }

  public static Column sin(String columnName) {
    return sin(col(columnName));
  }

  /** Spark SQL's {@code cos}. */
  public static Column cos(Column e) {
    return new Column(Expressions.function("cos", false, List.of(e.expression())));
  }

  public static Column cos(String columnName) {
    return cos(col(columnName));
  }

  /** Spark SQL's {@code tan}. */
  public static Column tan(Column e) {
    return new Column(Expressions.function("tan", false, List.of(e.expression())));
  }

  public static Column tan(String columnName) {
    return tan(col(columnName));
  }

  /** Spark SQL's {@code asin}. */
  public static Column asin(Column e) {
    return new Column(Expressions.function("asin", false, List.of(e.expression())));
  }

  public static Column asin(String columnName) {
    return asin(col(columnName));
  }

  /** Spark SQL's {@code acos}. */
  public static Column acos(Column e) {
    return new Column(Expressions.function("acos", false, List.of(e.expression())));
  }

  public static Column acos(String columnName) {
    return acos(col(columnName));
  }

  /** Spark SQL's {@code atan}. */
  public static Column atan(Column e) {
    return new Column(Expressions.function("atan", false, List.of(e.expression())));
  }

  public static Column atan(String columnName) {
    return atan(col(columnName));
  }

  /** Spark SQL's {@code atan2}. */
  public static Column atan2(Column e, Column a) {
    return new Column(Expressions.function("atan2", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code sinh}. */
  public static Column sinh(Column e) {
    return new Column(Expressions.function("sinh", false, List.of(e.expression())));
  }

  public static Column sinh(String columnName) {
    return sinh(col(columnName));
  }

  /** Spark SQL's {@code cosh}. */
  public static Column cosh(Column e) {
    return new Column(Expressions.function("cosh", false, List.of(e.expression())));
  }

  public static Column cosh(String columnName) {
    return cosh(col(columnName));
  }

  /** Spark SQL's {@code tanh}. */
  public static Column tanh(Column e) {
    return new Column(Expressions.function("tanh", false, List.of(e.expression())));
  }

  public static Column tanh(String columnName) {
    return tanh(col(columnName));
  }

  /** Spark SQL's {@code degrees}. */
  public static Column degrees(Column e) {
    return new Column(Expressions.function("degrees", false, List.of(e.expression())));
  }

  public static Column degrees(String columnName) {
    return degrees(col(columnName));
  }

  /** Spark SQL's {@code radians}. */
  public static Column radians(Column e) {
    return new Column(Expressions.function("radians", false, List.of(e.expression())));
  }

  public static Column radians(String columnName) {
    return radians(col(columnName));
  }

  /** Spark SQL's {@code signum}. */
  public static Column signum(Column e) {
    return new Column(Expressions.function("signum", false, List.of(e.expression())));
  }

  public static Column signum(String columnName) {
    return signum(col(columnName));
  }

  /** Spark SQL's {@code sign}. */
  public static Column sign(Column e) {
    return new Column(Expressions.function("sign", false, List.of(e.expression())));
  }

  public static Column sign(String columnName) {
    return sign(col(columnName));
  }

  /** Spark SQL's {@code greatest}. */
  public static Column greatest(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("greatest", false, arguments));
  }

  /** Spark SQL's {@code least}. */
  public static Column least(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("least", false, arguments));
  }

  /** Spark SQL's {@code pmod}. */
  public static Column pmod(Column e, Object a) {
    return new Column(Expressions.function("pmod", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column pmod(String columnName, Object a) {
    return pmod(col(columnName), a);
  }

  /** Spark SQL's {@code hex}. */
  public static Column hex(Column e) {
    return new Column(Expressions.function("hex", false, List.of(e.expression())));
  }

  public static Column hex(String columnName) {
    return hex(col(columnName));
  }

  /** Spark SQL's {@code unhex}. */
  public static Column unhex(Column e) {
    return new Column(Expressions.function("unhex", false, List.of(e.expression())));
  }

  public static Column unhex(String columnName) {
    return unhex(col(columnName));
  }

  /** Spark SQL's {@code bin}. */
  public static Column bin(Column e) {
    return new Column(Expressions.function("bin", false, List.of(e.expression())));
  }

  public static Column bin(String columnName) {
    return bin(col(columnName));
  }

  /** Spark SQL's {@code factorial}. */
  public static Column factorial(Column e) {
    return new Column(Expressions.function("factorial", false, List.of(e.expression())));
  }

  public static Column factorial(String columnName) {
    return factorial(col(columnName));
  }

  /** Spark SQL's {@code rint}. */
  public static Column rint(Column e) {
    return new Column(Expressions.function("rint", false, List.of(e.expression())));
  }

  public static Column rint(String columnName) {
    return rint(col(columnName));
  }

  /** Spark SQL's {@code e}. */
  public static Column e() {
    return new Column(Expressions.function("e", false, List.of()));
  }

  /** Spark SQL's {@code pi}. */
  public static Column pi() {
    return new Column(Expressions.function("pi", false, List.of()));
  }

  /** Spark SQL's {@code rand}. */
  public static Column rand() {
    return new Column(Expressions.function("rand", false, List.of()));
  }

  /** Spark SQL's {@code rand}. */
  public static Column rand(Object e) {
    return new Column(Expressions.function("rand", false, List.of(Column.toExpression(e))));
  }

  /** Spark SQL's {@code randn}. */
  public static Column randn() {
    return new Column(Expressions.function("randn", false, List.of()));
  }

  /** Spark SQL's {@code randn}. */
  public static Column randn(Object e) {
    return new Column(Expressions.function("randn", false, List.of(Column.toExpression(e))));
  }

  /** Spark SQL's {@code try_add}. */
  public static Column try_add(Column e, Column a) {
    return new Column(Expressions.function("try_add", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code try_subtract}. */
  public static Column try_subtract(Column e, Column a) {
    return new Column(Expressions.function("try_subtract", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code try_multiply}. */
  public static Column try_multiply(Column e, Column a) {
    return new Column(Expressions.function("try_multiply", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code try_divide}. */
  public static Column try_divide(Column e, Column a) {
    return new Column(Expressions.function("try_divide", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code upper}. */
  public static Column upper(Column e) {
    return new Column(Expressions.function("upper", false, List.of(e.expression())));
  }

  public static Column upper(String columnName) {
    return upper(col(columnName));
  }

  /** Spark SQL's {@code lower}. */
  public static Column lower(Column e) {
    return new Column(Expressions.function("lower", false, List.of(e.expression())));
  }

  public static Column lower(String columnName) {
    return lower(col(columnName));
  }

  /** Spark SQL's {@code length}. */
  public static Column length(Column e) {
    return new Column(Expressions.function("length", false, List.of(e.expression())));
  }

  public static Column length(String columnName) {
    return length(col(columnName));
  }

  /** Spark SQL's {@code char_length}. */
  public static Column char_length(Column e) {
    return new Column(Expressions.function("char_length", false, List.of(e.expression())));
  }

  public static Column char_length(String columnName) {
    return char_length(col(columnName));
  }

  /** Spark SQL's {@code trim}. */
  public static Column trim(Column e) {
    return new Column(Expressions.function("trim", false, List.of(e.expression())));
  }

  public static Column trim(String columnName) {
    return trim(col(columnName));
  }

  /** Spark SQL's {@code ltrim}. */
  public static Column ltrim(Column e) {
    return new Column(Expressions.function("ltrim", false, List.of(e.expression())));
  }

  public static Column ltrim(String columnName) {
    return ltrim(col(columnName));
  }

  /** Spark SQL's {@code rtrim}. */
  public static Column rtrim(Column e) {
    return new Column(Expressions.function("rtrim", false, List.of(e.expression())));
  }

  public static Column rtrim(String columnName) {
    return rtrim(col(columnName));
  }

  /** Spark SQL's {@code concat}. */
  public static Column concat(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("concat", false, arguments));
  }

  /** Spark SQL's {@code concat_ws}. */
  public static Column concat_ws(Object e, Column... as) {
    List<Expression> arguments = new ArrayList<>(List.of(Column.toExpression(e)));
    for (Column column : as) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("concat_ws", false, arguments));
  }

  /** Spark SQL's {@code substring}. */
  public static Column substring(Column e, Object a, Object b) {
    return new Column(Expressions.function("substring", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column substring(String columnName, Object a, Object b) {
    return substring(col(columnName), a, b);
  }

  /** Spark SQL's {@code substring_index}. */
  public static Column substring_index(Column e, Object a, Object b) {
    return new Column(Expressions.function("substring_index", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column substring_index(String columnName, Object a, Object b) {
    return substring_index(col(columnName), a, b);
  }

  /** Spark SQL's {@code instr}. */
  public static Column instr(Column e, Object a) {
    return new Column(Expressions.function("instr", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column instr(String columnName, Object a) {
    return instr(col(columnName), a);
  }

  /** Spark SQL's {@code locate}. */
  public static Column locate(Object e, Column a) {
    return new Column(Expressions.function("locate", false, List.of(Column.toExpression(e), a.expression())));
  }

  /** Spark SQL's {@code lpad}. */
  public static Column lpad(Column e, Object a, Object b) {
    return new Column(Expressions.function("lpad", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column lpad(String columnName, Object a, Object b) {
    return lpad(col(columnName), a, b);
  }

  /** Spark SQL's {@code rpad}. */
  public static Column rpad(Column e, Object a, Object b) {
    return new Column(Expressions.function("rpad", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column rpad(String columnName, Object a, Object b) {
    return rpad(col(columnName), a, b);
  }

  /** Spark SQL's {@code repeat}. */
  public static Column repeat(Column e, Object a) {
    return new Column(Expressions.function("repeat", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column repeat(String columnName, Object a) {
    return repeat(col(columnName), a);
  }

  /** Spark SQL's {@code reverse}. */
  public static Column reverse(Column e) {
    return new Column(Expressions.function("reverse", false, List.of(e.expression())));
  }

  public static Column reverse(String columnName) {
    return reverse(col(columnName));
  }

  /** Spark SQL's {@code regexp_replace}. */
  public static Column regexp_replace(Column e, Object a, Object b) {
    return new Column(Expressions.function("regexp_replace", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column regexp_replace(String columnName, Object a, Object b) {
    return regexp_replace(col(columnName), a, b);
  }

  /** Spark SQL's {@code regexp_extract}. */
  public static Column regexp_extract(Column e, Object a, Object b) {
    return new Column(Expressions.function("regexp_extract", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column regexp_extract(String columnName, Object a, Object b) {
    return regexp_extract(col(columnName), a, b);
  }

  /** Spark SQL's {@code regexp_like}. */
  public static Column regexp_like(Column e, Object a) {
    return new Column(Expressions.function("regexp_like", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column regexp_like(String columnName, Object a) {
    return regexp_like(col(columnName), a);
  }

  /** Spark SQL's {@code split}. */
  public static Column split(Column e, Object a) {
    return new Column(Expressions.function("split", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column split(String columnName, Object a) {
    return split(col(columnName), a);
  }

  /** Spark SQL's {@code split}. */
  public static Column split(Column e, Object a, Object b) {
    return new Column(Expressions.function("split", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column split(String columnName, Object a, Object b) {
    return split(col(columnName), a, b);
  }

  /** Spark SQL's {@code initcap}. */
  public static Column initcap(Column e) {
    return new Column(Expressions.function("initcap", false, List.of(e.expression())));
  }

  public static Column initcap(String columnName) {
    return initcap(col(columnName));
  }

  /** Spark SQL's {@code translate}. */
  public static Column translate(Column e, Object a, Object b) {
    return new Column(Expressions.function("translate", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column translate(String columnName, Object a, Object b) {
    return translate(col(columnName), a, b);
  }

  /** Spark SQL's {@code format_string}. */
  public static Column format_string(Object e, Column... as) {
    List<Expression> arguments = new ArrayList<>(List.of(Column.toExpression(e)));
    for (Column column : as) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("format_string", false, arguments));
  }

  /** Spark SQL's {@code format_number}. */
  public static Column format_number(Column e, Object a) {
    return new Column(Expressions.function("format_number", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column format_number(String columnName, Object a) {
    return format_number(col(columnName), a);
  }

  /** Spark SQL's {@code ascii}. */
  public static Column ascii(Column e) {
    return new Column(Expressions.function("ascii", false, List.of(e.expression())));
  }

  public static Column ascii(String columnName) {
    return ascii(col(columnName));
  }

  /** Spark SQL's {@code base64}. */
  public static Column base64(Column e) {
    return new Column(Expressions.function("base64", false, List.of(e.expression())));
  }

  public static Column base64(String columnName) {
    return base64(col(columnName));
  }

  /** Spark SQL's {@code unbase64}. */
  public static Column unbase64(Column e) {
    return new Column(Expressions.function("unbase64", false, List.of(e.expression())));
  }

  public static Column unbase64(String columnName) {
    return unbase64(col(columnName));
  }

  /** Spark SQL's {@code md5}. */
  public static Column md5(Column e) {
    return new Column(Expressions.function("md5", false, List.of(e.expression())));
  }

  public static Column md5(String columnName) {
    return md5(col(columnName));
  }

  /** Spark SQL's {@code sha1}. */
  public static Column sha1(Column e) {
    return new Column(Expressions.function("sha1", false, List.of(e.expression())));
  }

  public static Column sha1(String columnName) {
    return sha1(col(columnName));
  }

  /** Spark SQL's {@code sha2}. */
  public static Column sha2(Column e, Object a) {
    return new Column(Expressions.function("sha2", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column sha2(String columnName, Object a) {
    return sha2(col(columnName), a);
  }

  /** Spark SQL's {@code crc32}. */
  public static Column crc32(Column e) {
    return new Column(Expressions.function("crc32", false, List.of(e.expression())));
  }

  public static Column crc32(String columnName) {
    return crc32(col(columnName));
  }

  /** Spark SQL's {@code levenshtein}. */
  public static Column levenshtein(Column e, Column a) {
    return new Column(Expressions.function("levenshtein", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code soundex}. */
  public static Column soundex(Column e) {
    return new Column(Expressions.function("soundex", false, List.of(e.expression())));
  }

  public static Column soundex(String columnName) {
    return soundex(col(columnName));
  }

  /** Spark SQL's {@code encode}. */
  public static Column encode(Column e, Object a) {
    return new Column(Expressions.function("encode", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column encode(String columnName, Object a) {
    return encode(col(columnName), a);
  }

  /** Spark SQL's {@code decode}. */
  public static Column decode(Column e, Object a) {
    return new Column(Expressions.function("decode", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column decode(String columnName, Object a) {
    return decode(col(columnName), a);
  }

  /** Spark SQL's {@code left}. */
  public static Column left(Column e, Object a) {
    return new Column(Expressions.function("left", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column left(String columnName, Object a) {
    return left(col(columnName), a);
  }

  /** Spark SQL's {@code right}. */
  public static Column right(Column e, Object a) {
    return new Column(Expressions.function("right", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column right(String columnName, Object a) {
    return right(col(columnName), a);
  }

  /** Spark SQL's {@code startswith}. */
  public static Column startswith(Column e, Column a) {
    return new Column(Expressions.function("startswith", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code endswith}. */
  public static Column endswith(Column e, Column a) {
    return new Column(Expressions.function("endswith", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code contains}. */
  public static Column contains(Column e, Column a) {
    return new Column(Expressions.function("contains", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code btrim}. */
  public static Column btrim(Column e) {
    return new Column(Expressions.function("btrim", false, List.of(e.expression())));
  }

  public static Column btrim(String columnName) {
    return btrim(col(columnName));
  }

  /** Spark SQL's {@code to_char}. */
  public static Column to_char(Column e, Object a) {
    return new Column(Expressions.function("to_char", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column to_char(String columnName, Object a) {
    return to_char(col(columnName), a);
  }

  /** Spark SQL's {@code to_number}. */
  public static Column to_number(Column e, Object a) {
    return new Column(Expressions.function("to_number", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column to_number(String columnName, Object a) {
    return to_number(col(columnName), a);
  }

  /** Spark SQL's {@code current_date}. */
  public static Column current_date() {
    return new Column(Expressions.function("current_date", false, List.of()));
  }

  /** Spark SQL's {@code current_timestamp}. */
  public static Column current_timestamp() {
    return new Column(Expressions.function("current_timestamp", false, List.of()));
  }

  /** Spark SQL's {@code now}. */
  public static Column now() {
    return new Column(Expressions.function("now", false, List.of()));
  }

  /** Spark SQL's {@code localtimestamp}. */
  public static Column localtimestamp() {
    return new Column(Expressions.function("localtimestamp", false, List.of()));
  }

  /** Spark SQL's {@code date_add}. */
  public static Column date_add(Column e, Object a) {
    return new Column(Expressions.function("date_add", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column date_add(String columnName, Object a) {
    return date_add(col(columnName), a);
  }

  /** Spark SQL's {@code date_sub}. */
  public static Column date_sub(Column e, Object a) {
    return new Column(Expressions.function("date_sub", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column date_sub(String columnName, Object a) {
    return date_sub(col(columnName), a);
  }

  /** Spark SQL's {@code datediff}. */
  public static Column datediff(Column e, Column a) {
    return new Column(Expressions.function("datediff", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code add_months}. */
  public static Column add_months(Column e, Object a) {
    return new Column(Expressions.function("add_months", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column add_months(String columnName, Object a) {
    return add_months(col(columnName), a);
  }

  /** Spark SQL's {@code months_between}. */
  public static Column months_between(Column e, Column a) {
    return new Column(Expressions.function("months_between", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code year}. */
  public static Column year(Column e) {
    return new Column(Expressions.function("year", false, List.of(e.expression())));
  }

  public static Column year(String columnName) {
    return year(col(columnName));
  }

  /** Spark SQL's {@code month}. */
  public static Column month(Column e) {
    return new Column(Expressions.function("month", false, List.of(e.expression())));
  }

  public static Column month(String columnName) {
    return month(col(columnName));
  }

  /** Spark SQL's {@code dayofmonth}. */
  public static Column dayofmonth(Column e) {
    return new Column(Expressions.function("dayofmonth", false, List.of(e.expression())));
  }

  public static Column dayofmonth(String columnName) {
    return dayofmonth(col(columnName));
  }

  /** Spark SQL's {@code day}. */
  public static Column day(Column e) {
    return new Column(Expressions.function("day", false, List.of(e.expression())));
  }

  public static Column day(String columnName) {
    return day(col(columnName));
  }

  /** Spark SQL's {@code dayofweek}. */
  public static Column dayofweek(Column e) {
    return new Column(Expressions.function("dayofweek", false, List.of(e.expression())));
  }

  public static Column dayofweek(String columnName) {
    return dayofweek(col(columnName));
  }

  /** Spark SQL's {@code dayofyear}. */
  public static Column dayofyear(Column e) {
    return new Column(Expressions.function("dayofyear", false, List.of(e.expression())));
  }

  public static Column dayofyear(String columnName) {
    return dayofyear(col(columnName));
  }

  /** Spark SQL's {@code hour}. */
  public static Column hour(Column e) {
    return new Column(Expressions.function("hour", false, List.of(e.expression())));
  }

  public static Column hour(String columnName) {
    return hour(col(columnName));
  }

  /** Spark SQL's {@code minute}. */
  public static Column minute(Column e) {
    return new Column(Expressions.function("minute", false, List.of(e.expression())));
  }

  public static Column minute(String columnName) {
    return minute(col(columnName));
  }

  /** Spark SQL's {@code second}. */
  public static Column second(Column e) {
    return new Column(Expressions.function("second", false, List.of(e.expression())));
  }

  public static Column second(String columnName) {
    return second(col(columnName));
  }

  /** Spark SQL's {@code weekofyear}. */
  public static Column weekofyear(Column e) {
    return new Column(Expressions.function("weekofyear", false, List.of(e.expression())));
  }

  public static Column weekofyear(String columnName) {
    return weekofyear(col(columnName));
  }

  /** Spark SQL's {@code quarter}. */
  public static Column quarter(Column e) {
    return new Column(Expressions.function("quarter", false, List.of(e.expression())));
  }

  public static Column quarter(String columnName) {
    return quarter(col(columnName));
  }

  /** Spark SQL's {@code date_format}. */
  public static Column date_format(Column e, Object a) {
    return new Column(Expressions.function("date_format", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column date_format(String columnName, Object a) {
    return date_format(col(columnName), a);
  }

  /** Spark SQL's {@code to_date}. */
  public static Column to_date(Column e) {
    return new Column(Expressions.function("to_date", false, List.of(e.expression())));
  }

  public static Column to_date(String columnName) {
    return to_date(col(columnName));
  }

  /** Spark SQL's {@code to_date}. */
  public static Column to_date(Column e, Object a) {
    return new Column(Expressions.function("to_date", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column to_date(String columnName, Object a) {
    return to_date(col(columnName), a);
  }

  /** Spark SQL's {@code to_timestamp}. */
  public static Column to_timestamp(Column e) {
    return new Column(Expressions.function("to_timestamp", false, List.of(e.expression())));
  }

  public static Column to_timestamp(String columnName) {
    return to_timestamp(col(columnName));
  }

  /** Spark SQL's {@code to_timestamp}. */
  public static Column to_timestamp(Column e, Object a) {
    return new Column(Expressions.function("to_timestamp", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column to_timestamp(String columnName, Object a) {
    return to_timestamp(col(columnName), a);
  }

  /** Spark SQL's {@code unix_timestamp}. */
  public static Column unix_timestamp() {
    return new Column(Expressions.function("unix_timestamp", false, List.of()));
  }

  /** Spark SQL's {@code unix_timestamp}. */
  public static Column unix_timestamp(Column e) {
    return new Column(Expressions.function("unix_timestamp", false, List.of(e.expression())));
  }

  public static Column unix_timestamp(String columnName) {
    return unix_timestamp(col(columnName));
  }

  /** Spark SQL's {@code unix_timestamp}. */
  public static Column unix_timestamp(Column e, Object a) {
    return new Column(Expressions.function("unix_timestamp", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column unix_timestamp(String columnName, Object a) {
    return unix_timestamp(col(columnName), a);
  }

  /** Spark SQL's {@code from_unixtime}. */
  public static Column from_unixtime(Column e) {
    return new Column(Expressions.function("from_unixtime", false, List.of(e.expression())));
  }

  public static Column from_unixtime(String columnName) {
    return from_unixtime(col(columnName));
  }

  /** Spark SQL's {@code from_unixtime}. */
  public static Column from_unixtime(Column e, Object a) {
    return new Column(Expressions.function("from_unixtime", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column from_unixtime(String columnName, Object a) {
    return from_unixtime(col(columnName), a);
  }

  /** Spark SQL's {@code date_trunc}. */
  public static Column date_trunc(Object e, Column a) {
    return new Column(Expressions.function("date_trunc", false, List.of(Column.toExpression(e), a.expression())));
  }

  /** Spark SQL's {@code trunc}. */
  public static Column trunc(Column e, Object a) {
    return new Column(Expressions.function("trunc", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column trunc(String columnName, Object a) {
    return trunc(col(columnName), a);
  }

  /** Spark SQL's {@code last_day}. */
  public static Column last_day(Column e) {
    return new Column(Expressions.function("last_day", false, List.of(e.expression())));
  }

  public static Column last_day(String columnName) {
    return last_day(col(columnName));
  }

  /** Spark SQL's {@code next_day}. */
  public static Column next_day(Column e, Object a) {
    return new Column(Expressions.function("next_day", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column next_day(String columnName, Object a) {
    return next_day(col(columnName), a);
  }

  /** Spark SQL's {@code from_utc_timestamp}. */
  public static Column from_utc_timestamp(Column e, Object a) {
    return new Column(Expressions.function("from_utc_timestamp", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column from_utc_timestamp(String columnName, Object a) {
    return from_utc_timestamp(col(columnName), a);
  }

  /** Spark SQL's {@code to_utc_timestamp}. */
  public static Column to_utc_timestamp(Column e, Object a) {
    return new Column(Expressions.function("to_utc_timestamp", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column to_utc_timestamp(String columnName, Object a) {
    return to_utc_timestamp(col(columnName), a);
  }

  /** Spark SQL's {@code make_date}. */
  public static Column make_date(Column e, Column a, Column b) {
    return new Column(Expressions.function("make_date", false, List.of(e.expression(), a.expression(), b.expression())));
  }

  /** Spark SQL's {@code timestamp_seconds}. */
  public static Column timestamp_seconds(Column e) {
    return new Column(Expressions.function("timestamp_seconds", false, List.of(e.expression())));
  }

  public static Column timestamp_seconds(String columnName) {
    return timestamp_seconds(col(columnName));
  }

  /** Spark SQL's {@code timestamp_millis}. */
  public static Column timestamp_millis(Column e) {
    return new Column(Expressions.function("timestamp_millis", false, List.of(e.expression())));
  }

  public static Column timestamp_millis(String columnName) {
    return timestamp_millis(col(columnName));
  }

  /** Spark SQL's {@code timestamp_micros}. */
  public static Column timestamp_micros(Column e) {
    return new Column(Expressions.function("timestamp_micros", false, List.of(e.expression())));
  }

  public static Column timestamp_micros(String columnName) {
    return timestamp_micros(col(columnName));
  }

  /** Spark SQL's {@code unix_seconds}. */
  public static Column unix_seconds(Column e) {
    return new Column(Expressions.function("unix_seconds", false, List.of(e.expression())));
  }

  public static Column unix_seconds(String columnName) {
    return unix_seconds(col(columnName));
  }

  /** Spark SQL's {@code unix_millis}. */
  public static Column unix_millis(Column e) {
    return new Column(Expressions.function("unix_millis", false, List.of(e.expression())));
  }

  public static Column unix_millis(String columnName) {
    return unix_millis(col(columnName));
  }

  /** Spark SQL's {@code unix_micros}. */
  public static Column unix_micros(Column e) {
    return new Column(Expressions.function("unix_micros", false, List.of(e.expression())));
  }

  public static Column unix_micros(String columnName) {
    return unix_micros(col(columnName));
  }

  /** Spark SQL's {@code date_from_unix_date}. */
  public static Column date_from_unix_date(Column e) {
    return new Column(Expressions.function("date_from_unix_date", false, List.of(e.expression())));
  }

  public static Column date_from_unix_date(String columnName) {
    return date_from_unix_date(col(columnName));
  }

  /** Spark SQL's {@code unix_date}. */
  public static Column unix_date(Column e) {
    return new Column(Expressions.function("unix_date", false, List.of(e.expression())));
  }

  public static Column unix_date(String columnName) {
    return unix_date(col(columnName));
  }

  /** Spark SQL's {@code current_timezone}. */
  public static Column current_timezone() {
    return new Column(Expressions.function("current_timezone", false, List.of()));
  }

  /** Spark SQL's {@code array}. */
  public static Column array(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("array", false, arguments));
  }

  /** Spark SQL's {@code map}. */
  public static Column map(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("map", false, arguments));
  }

  /** Spark SQL's {@code map}. */
  public static Column create_map(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("map", false, arguments));
  }

  /** Spark SQL's {@code struct}. */
  public static Column struct(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("struct", false, arguments));
  }

  /** Spark SQL's {@code named_struct}. */
  public static Column named_struct(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("named_struct", false, arguments));
  }

  /** Spark SQL's {@code array_contains}. */
  public static Column array_contains(Column e, Object a) {
    return new Column(Expressions.function("array_contains", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column array_contains(String columnName, Object a) {
    return array_contains(col(columnName), a);
  }

  /** Spark SQL's {@code size}. */
  public static Column size(Column e) {
    return new Column(Expressions.function("size", false, List.of(e.expression())));
  }

  public static Column size(String columnName) {
    return size(col(columnName));
  }

  /** Spark SQL's {@code cardinality}. */
  public static Column cardinality(Column e) {
    return new Column(Expressions.function("cardinality", false, List.of(e.expression())));
  }

  public static Column cardinality(String columnName) {
    return cardinality(col(columnName));
  }

  /** Spark SQL's {@code explode}. */
  public static Column explode(Column e) {
    return new Column(Expressions.function("explode", false, List.of(e.expression())));
  }

  public static Column explode(String columnName) {
    return explode(col(columnName));
  }

  /** Spark SQL's {@code explode_outer}. */
  public static Column explode_outer(Column e) {
    return new Column(Expressions.function("explode_outer", false, List.of(e.expression())));
  }

  public static Column explode_outer(String columnName) {
    return explode_outer(col(columnName));
  }

  /** Spark SQL's {@code posexplode}. */
  public static Column posexplode(Column e) {
    return new Column(Expressions.function("posexplode", false, List.of(e.expression())));
  }

  public static Column posexplode(String columnName) {
    return posexplode(col(columnName));
  }

  /** Spark SQL's {@code posexplode_outer}. */
  public static Column posexplode_outer(Column e) {
    return new Column(Expressions.function("posexplode_outer", false, List.of(e.expression())));
  }

  public static Column posexplode_outer(String columnName) {
    return posexplode_outer(col(columnName));
  }

  /** Spark SQL's {@code inline}. */
  public static Column inline(Column e) {
    return new Column(Expressions.function("inline", false, List.of(e.expression())));
  }

  public static Column inline(String columnName) {
    return inline(col(columnName));
  }

  /** Spark SQL's {@code sort_array}. */
  public static Column sort_array(Column e) {
    return new Column(Expressions.function("sort_array", false, List.of(e.expression())));
  }

  public static Column sort_array(String columnName) {
    return sort_array(col(columnName));
  }

  /** Spark SQL's {@code sort_array}. */
  public static Column sort_array(Column e, Object a) {
    return new Column(Expressions.function("sort_array", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column sort_array(String columnName, Object a) {
    return sort_array(col(columnName), a);
  }

  /** Spark SQL's {@code array_sort}. */
  public static Column array_sort(Column e) {
    return new Column(Expressions.function("array_sort", false, List.of(e.expression())));
  }

  public static Column array_sort(String columnName) {
    return array_sort(col(columnName));
  }

  /** Spark SQL's {@code array_distinct}. */
  public static Column array_distinct(Column e) {
    return new Column(Expressions.function("array_distinct", false, List.of(e.expression())));
  }

  public static Column array_distinct(String columnName) {
    return array_distinct(col(columnName));
  }

  /** Spark SQL's {@code array_union}. */
  public static Column array_union(Column e, Column a) {
    return new Column(Expressions.function("array_union", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code array_intersect}. */
  public static Column array_intersect(Column e, Column a) {
    return new Column(Expressions.function("array_intersect", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code array_except}. */
  public static Column array_except(Column e, Column a) {
    return new Column(Expressions.function("array_except", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code element_at}. */
  public static Column element_at(Column e, Object a) {
    return new Column(Expressions.function("element_at", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column element_at(String columnName, Object a) {
    return element_at(col(columnName), a);
  }

  /** Spark SQL's {@code flatten}. */
  public static Column flatten(Column e) {
    return new Column(Expressions.function("flatten", false, List.of(e.expression())));
  }

  public static Column flatten(String columnName) {
    return flatten(col(columnName));
  }

  /** Spark SQL's {@code array_join}. */
  public static Column array_join(Column e, Object a) {
    return new Column(Expressions.function("array_join", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column array_join(String columnName, Object a) {
    return array_join(col(columnName), a);
  }

  /** Spark SQL's {@code array_join}. */
  public static Column array_join(Column e, Object a, Object b) {
    return new Column(Expressions.function("array_join", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column array_join(String columnName, Object a, Object b) {
    return array_join(col(columnName), a, b);
  }

  /** Spark SQL's {@code slice}. */
  public static Column slice(Column e, Object a, Object b) {
    return new Column(Expressions.function("slice", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column slice(String columnName, Object a, Object b) {
    return slice(col(columnName), a, b);
  }

  /** Spark SQL's {@code map_keys}. */
  public static Column map_keys(Column e) {
    return new Column(Expressions.function("map_keys", false, List.of(e.expression())));
  }

  public static Column map_keys(String columnName) {
    return map_keys(col(columnName));
  }

  /** Spark SQL's {@code map_values}. */
  public static Column map_values(Column e) {
    return new Column(Expressions.function("map_values", false, List.of(e.expression())));
  }

  public static Column map_values(String columnName) {
    return map_values(col(columnName));
  }

  /** Spark SQL's {@code map_entries}. */
  public static Column map_entries(Column e) {
    return new Column(Expressions.function("map_entries", false, List.of(e.expression())));
  }

  public static Column map_entries(String columnName) {
    return map_entries(col(columnName));
  }

  /** Spark SQL's {@code map_from_arrays}. */
  public static Column map_from_arrays(Column e, Column a) {
    return new Column(Expressions.function("map_from_arrays", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code map_from_entries}. */
  public static Column map_from_entries(Column e) {
    return new Column(Expressions.function("map_from_entries", false, List.of(e.expression())));
  }

  public static Column map_from_entries(String columnName) {
    return map_from_entries(col(columnName));
  }

  /** Spark SQL's {@code map_concat}. */
  public static Column map_concat(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("map_concat", false, arguments));
  }

  /** Spark SQL's {@code arrays_zip}. */
  public static Column arrays_zip(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("arrays_zip", false, arguments));
  }

  /** Spark SQL's {@code array_max}. */
  public static Column array_max(Column e) {
    return new Column(Expressions.function("array_max", false, List.of(e.expression())));
  }

  public static Column array_max(String columnName) {
    return array_max(col(columnName));
  }

  /** Spark SQL's {@code array_min}. */
  public static Column array_min(Column e) {
    return new Column(Expressions.function("array_min", false, List.of(e.expression())));
  }

  public static Column array_min(String columnName) {
    return array_min(col(columnName));
  }

  /** Spark SQL's {@code array_position}. */
  public static Column array_position(Column e, Object a) {
    return new Column(Expressions.function("array_position", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column array_position(String columnName, Object a) {
    return array_position(col(columnName), a);
  }

  /** Spark SQL's {@code array_remove}. */
  public static Column array_remove(Column e, Object a) {
    return new Column(Expressions.function("array_remove", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column array_remove(String columnName, Object a) {
    return array_remove(col(columnName), a);
  }

  /** Spark SQL's {@code array_repeat}. */
  public static Column array_repeat(Column e, Object a) {
    return new Column(Expressions.function("array_repeat", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column array_repeat(String columnName, Object a) {
    return array_repeat(col(columnName), a);
  }

  /** Spark SQL's {@code array_compact}. */
  public static Column array_compact(Column e) {
    return new Column(Expressions.function("array_compact", false, List.of(e.expression())));
  }

  public static Column array_compact(String columnName) {
    return array_compact(col(columnName));
  }

  /** Spark SQL's {@code array_append}. */
  public static Column array_append(Column e, Object a) {
    return new Column(Expressions.function("array_append", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column array_append(String columnName, Object a) {
    return array_append(col(columnName), a);
  }

  /** Spark SQL's {@code sequence}. */
  public static Column sequence(Column e, Column a) {
    return new Column(Expressions.function("sequence", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code sequence}. */
  public static Column sequence(Column e, Column a, Column b) {
    return new Column(Expressions.function("sequence", false, List.of(e.expression(), a.expression(), b.expression())));
  }

  /** Spark SQL's {@code shuffle}. */
  public static Column shuffle(Column e) {
    return new Column(Expressions.function("shuffle", false, List.of(e.expression())));
  }

  public static Column shuffle(String columnName) {
    return shuffle(col(columnName));
  }

  /** Spark SQL's {@code arrays_overlap}. */
  public static Column arrays_overlap(Column e, Column a) {
    return new Column(Expressions.function("arrays_overlap", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code get}. */
  public static Column get(Column e, Object a) {
    return new Column(Expressions.function("get", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column get(String columnName, Object a) {
    return get(col(columnName), a);
  }

  /** Spark SQL's {@code try_element_at}. */
  public static Column try_element_at(Column e, Object a) {
    return new Column(Expressions.function("try_element_at", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column try_element_at(String columnName, Object a) {
    return try_element_at(col(columnName), a);
  }

  /** Spark SQL's {@code str_to_map}. */
  public static Column str_to_map(Column e) {
    return new Column(Expressions.function("str_to_map", false, List.of(e.expression())));
  }

  public static Column str_to_map(String columnName) {
    return str_to_map(col(columnName));
  }

  /** Spark SQL's {@code str_to_map}. */
  public static Column str_to_map(Column e, Object a, Object b) {
    return new Column(Expressions.function("str_to_map", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column str_to_map(String columnName, Object a, Object b) {
    return str_to_map(col(columnName), a, b);
  }

  /** Spark SQL's {@code to_json}. */
  public static Column to_json(Column e) {
    return new Column(Expressions.function("to_json", false, List.of(e.expression())));
  }

  public static Column to_json(String columnName) {
    return to_json(col(columnName));
  }

  /** Spark SQL's {@code from_json}. */
  public static Column from_json(Column e, Object a) {
    return new Column(Expressions.function("from_json", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column from_json(String columnName, Object a) {
    return from_json(col(columnName), a);
  }

  /** Spark SQL's {@code schema_of_json}. */
  public static Column schema_of_json(Object e) {
    return new Column(Expressions.function("schema_of_json", false, List.of(Column.toExpression(e))));
  }

  /** Spark SQL's {@code json_tuple}. */
  public static Column json_tuple(Column e, Object... as) {
    List<Expression> arguments = new ArrayList<>(List.of(e.expression()));
    arguments.addAll(Column.toExpressions(Arrays.asList(as)));
    return new Column(Expressions.function("json_tuple", false, arguments));
  }

  /** Spark SQL's {@code get_json_object}. */
  public static Column get_json_object(Column e, Object a) {
    return new Column(Expressions.function("get_json_object", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column get_json_object(String columnName, Object a) {
    return get_json_object(col(columnName), a);
  }

  /** Spark SQL's {@code coalesce}. */
  public static Column coalesce(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("coalesce", false, arguments));
  }

  /** Spark SQL's {@code nullif}. */
  public static Column nullif(Column e, Column a) {
    return new Column(Expressions.function("nullif", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code nvl}. */
  public static Column nvl(Column e, Column a) {
    return new Column(Expressions.function("nvl", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code nvl2}. */
  public static Column nvl2(Column e, Column a, Column b) {
    return new Column(Expressions.function("nvl2", false, List.of(e.expression(), a.expression(), b.expression())));
  }

  /** Spark SQL's {@code ifnull}. */
  public static Column ifnull(Column e, Column a) {
    return new Column(Expressions.function("ifnull", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code isnull}. */
  public static Column isnull(Column e) {
    return new Column(Expressions.function("isnull", false, List.of(e.expression())));
  }

  public static Column isnull(String columnName) {
    return isnull(col(columnName));
  }

  /** Spark SQL's {@code isnotnull}. */
  public static Column isnotnull(Column e) {
    return new Column(Expressions.function("isnotnull", false, List.of(e.expression())));
  }

  public static Column isnotnull(String columnName) {
    return isnotnull(col(columnName));
  }

  /** Spark SQL's {@code isnan}. */
  public static Column isnan(Column e) {
    return new Column(Expressions.function("isnan", false, List.of(e.expression())));
  }

  public static Column isnan(String columnName) {
    return isnan(col(columnName));
  }

  /** Spark SQL's {@code nanvl}. */
  public static Column nanvl(Column e, Column a) {
    return new Column(Expressions.function("nanvl", false, List.of(e.expression(), a.expression())));
  }

  /** Spark SQL's {@code !}. */
  public static Column not(Column e) {
    return new Column(Expressions.function("!", false, List.of(e.expression())));
  }

  public static Column not(String columnName) {
    return not(col(columnName));
  }

  /** Spark SQL's {@code row_number}. */
  public static Column row_number() {
    return new Column(Expressions.function("row_number", false, List.of()));
  }

  /** Spark SQL's {@code rank}. */
  public static Column rank() {
    return new Column(Expressions.function("rank", false, List.of()));
  }

  /** Spark SQL's {@code dense_rank}. */
  public static Column dense_rank() {
    return new Column(Expressions.function("dense_rank", false, List.of()));
  }

  /** Spark SQL's {@code percent_rank}. */
  public static Column percent_rank() {
    return new Column(Expressions.function("percent_rank", false, List.of()));
  }

  /** Spark SQL's {@code cume_dist}. */
  public static Column cume_dist() {
    return new Column(Expressions.function("cume_dist", false, List.of()));
  }

  /** Spark SQL's {@code ntile}. */
  public static Column ntile(Object e) {
    return new Column(Expressions.function("ntile", false, List.of(Column.toExpression(e))));
  }

  /** Spark SQL's {@code lag}. */
  public static Column lag(Column e) {
    return new Column(Expressions.function("lag", false, List.of(e.expression())));
  }

  public static Column lag(String columnName) {
    return lag(col(columnName));
  }

  /** Spark SQL's {@code lag}. */
  public static Column lag(Column e, Object a) {
    return new Column(Expressions.function("lag", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column lag(String columnName, Object a) {
    return lag(col(columnName), a);
  }

  /** Spark SQL's {@code lag}. */
  public static Column lag(Column e, Object a, Object b) {
    return new Column(Expressions.function("lag", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column lag(String columnName, Object a, Object b) {
    return lag(col(columnName), a, b);
  }

  /** Spark SQL's {@code lead}. */
  public static Column lead(Column e) {
    return new Column(Expressions.function("lead", false, List.of(e.expression())));
  }

  public static Column lead(String columnName) {
    return lead(col(columnName));
  }

  /** Spark SQL's {@code lead}. */
  public static Column lead(Column e, Object a) {
    return new Column(Expressions.function("lead", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column lead(String columnName, Object a) {
    return lead(col(columnName), a);
  }

  /** Spark SQL's {@code lead}. */
  public static Column lead(Column e, Object a, Object b) {
    return new Column(Expressions.function("lead", false, List.of(e.expression(), Column.toExpression(a), Column.toExpression(b))));
  }

  public static Column lead(String columnName, Object a, Object b) {
    return lead(col(columnName), a, b);
  }

  /** Spark SQL's {@code nth_value}. */
  public static Column nth_value(Column e, Object a) {
    return new Column(Expressions.function("nth_value", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column nth_value(String columnName, Object a) {
    return nth_value(col(columnName), a);
  }

  /** Spark SQL's {@code monotonically_increasing_id}. */
  public static Column monotonically_increasing_id() {
    return new Column(Expressions.function("monotonically_increasing_id", false, List.of()));
  }

  /** Spark SQL's {@code spark_partition_id}. */
  public static Column spark_partition_id() {
    return new Column(Expressions.function("spark_partition_id", false, List.of()));
  }

  /** Spark SQL's {@code input_file_name}. */
  public static Column input_file_name() {
    return new Column(Expressions.function("input_file_name", false, List.of()));
  }

  /** Spark SQL's {@code hash}. */
  public static Column hash(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("hash", false, arguments));
  }

  /** Spark SQL's {@code xxhash64}. */
  public static Column xxhash64(Column... es) {
    List<Expression> arguments = new ArrayList<>(List.of());
    for (Column column : es) {
      arguments.add(column.expression());
    }
    return new Column(Expressions.function("xxhash64", false, arguments));
  }

  /** Spark SQL's {@code uuid}. */
  public static Column uuid() {
    return new Column(Expressions.function("uuid", false, List.of()));
  }

  /** Spark SQL's {@code raise_error}. */
  public static Column raise_error(Column e) {
    return new Column(Expressions.function("raise_error", false, List.of(e.expression())));
  }

  public static Column raise_error(String columnName) {
    return raise_error(col(columnName));
  }

  /** Spark SQL's {@code typeof}. */
  public static Column typeof(Column e) {
    return new Column(Expressions.function("typeof", false, List.of(e.expression())));
  }

  public static Column typeof(String columnName) {
    return typeof(col(columnName));
  }

  /** Spark SQL's {@code version}. */
  public static Column version() {
    return new Column(Expressions.function("version", false, List.of()));
  }

  /** Spark SQL's {@code current_user}. */
  public static Column current_user() {
    return new Column(Expressions.function("current_user", false, List.of()));
  }

  /** Spark SQL's {@code current_database}. */
  public static Column current_database() {
    return new Column(Expressions.function("current_database", false, List.of()));
  }

  /** Spark SQL's {@code current_catalog}. */
  public static Column current_catalog() {
    return new Column(Expressions.function("current_catalog", false, List.of()));
  }

  /** Spark SQL's {@code bit_count}. */
  public static Column bit_count(Column e) {
    return new Column(Expressions.function("bit_count", false, List.of(e.expression())));
  }

  public static Column bit_count(String columnName) {
    return bit_count(col(columnName));
  }

  /** Spark SQL's {@code ~}. */
  public static Column bitwise_not(Column e) {
    return new Column(Expressions.function("~", false, List.of(e.expression())));
  }

  public static Column bitwise_not(String columnName) {
    return bitwise_not(col(columnName));
  }

  /** Spark SQL's {@code shiftleft}. */
  public static Column shiftleft(Column e, Object a) {
    return new Column(Expressions.function("shiftleft", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column shiftleft(String columnName, Object a) {
    return shiftleft(col(columnName), a);
  }

  /** Spark SQL's {@code shiftright}. */
  public static Column shiftright(Column e, Object a) {
    return new Column(Expressions.function("shiftright", false, List.of(e.expression(), Column.toExpression(a))));
  }

  public static Column shiftright(String columnName, Object a) {
    return shiftright(col(columnName), a);
  }
}
