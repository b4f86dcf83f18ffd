package io.sparkconnect.sql;

import io.sparkconnect.proto.NADrop;
import io.sparkconnect.proto.NAFill;
import io.sparkconnect.proto.NAReplace;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.sql.internal.Literals;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Handling of missing values: drop rows with nulls, fill nulls, replace values. From {@link DataFrame#na()}. */
public final class DataFrameNaFunctions {
  private final DataFrame df;

  DataFrameNaFunctions(DataFrame df) {
    this.df = df;
  }

  /** Drops rows with any null or NaN. */
  public DataFrame drop() {
    return drop("any");
  }

  /** Drops rows with {@code "any"} or {@code "all"} values null or NaN, in the given columns (all when none). */
  public DataFrame drop(String how, String... columns) {
    NADrop.Builder drop = NADrop.newBuilder().setInput(df.plan()).addAllCols(Arrays.asList(columns));
    switch (how.toLowerCase(Locale.ROOT)) {
      case "any":
        break;
      case "all":
        drop.setMinNonNulls(1);
        break;
      default:
        throw new IllegalArgumentException("how must be 'any' or 'all', got '" + how + "'");
    }
    return df.derived(Relation.newBuilder().setDropNa(drop));
  }

  /** Drops rows with fewer than {@code minNonNulls} non-null, non-NaN values in the given columns. */
  public DataFrame drop(int minNonNulls, String... columns) {
    return df.derived(Relation.newBuilder().setDropNa(NADrop.newBuilder().setInput(df.plan())
        .addAllCols(Arrays.asList(columns)).setMinNonNulls(minNonNulls)));
  }

  /** Fill values as the server accepts them: long, double, string or boolean. */
  private static Object fillValue(Object value) {
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof Double || value instanceof java.math.BigDecimal) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("na().fill takes a number, string or boolean, got "
        + (value == null ? "null" : value.getClass().getName()));
  }

  /** Replacement values as the server accepts them: double, string, boolean or null. */
  private static Object replaceValue(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("na().replace takes numbers, strings, booleans or null, got "
        + value.getClass().getName());
  }

  /** Replaces nulls with a value in the columns of its type (all such columns when none are named). */
  public DataFrame fill(Object value, String... columns) {
    return df.derived(Relation.newBuilder().setFillNa(NAFill.newBuilder().setInput(df.plan())
        .addAllCols(Arrays.asList(columns)).addValues(Literals.of(fillValue(value)))));
  }

  /** Replaces nulls per column: {@code Map.of("age", 0, "name", "unknown")}. */
  public DataFrame fill(Map<String, Object> valuesByColumn) {
    NAFill.Builder fill = NAFill.newBuilder().setInput(df.plan());
    valuesByColumn.forEach((column, value) -> fill.addCols(column).addValues(Literals.of(fillValue(value))));
    return df.derived(Relation.newBuilder().setFillNa(fill));
  }

  /** Replaces values in the given columns ({@code "*"} for all): each key of the map by its value. */
  public DataFrame replace(String column, Map<?, ?> replacements) {
    return replace(new String[] {column}, replacements);
  }

  public DataFrame replace(String[] columns, Map<?, ?> replacements) {
    NAReplace.Builder replace = NAReplace.newBuilder().setInput(df.plan());
    if (!(columns.length == 1 && columns[0].equals("*"))) {
      replace.addAllCols(Arrays.asList(columns));
    }
    replacements.forEach((from, to) -> replace.addReplacements(NAReplace.Replacement.newBuilder()
        .setOldValue(Literals.of(replaceValue(from))).setNewValue(Literals.of(replaceValue(to)))));
    return df.derived(Relation.newBuilder().setReplace(replace));
  }
}
