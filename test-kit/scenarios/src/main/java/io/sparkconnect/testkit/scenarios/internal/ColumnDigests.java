package io.sparkconnect.testkit.scenarios.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.scenarios.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Column digests of rows the client read, checked against the same digests the server computes over the table:
 * rows, non-NULL values per column, the sum of Spark's {@code hash} per column and of every row's hash over all
 * columns. Equal digests mean every value arrived unchanged, without trusting the client's decoder on either side.
 */
final class ColumnDigests {
  private final List<String> names = new ArrayList<>();
  private final List<Integer> positions = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final long[] nonNull;
  private final long[] hashSums;
  private long rows;
  private long rowHashSum;

  /** Digests of the columns of {@code schema} whose hash is known here; others are listed by {@link #skipped}. */
  ColumnDigests(StructType schema) {
    List<StructField> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      if (SparkHash.TYPES.contains(fields.get(i).dataType().simpleString())) {
        names.add(fields.get(i).name());
        positions.add(i);
      } else {
        skipped.add(fields.get(i).name());
      }
    }
    nonNull = new long[names.size()];
    hashSums = new long[names.size()];
  }

  void add(Row row) {
    rows++;
    int rowHash = SparkHash.SEED;
    for (int i = 0; i < positions.size(); i++) {
      Object value = row.get(positions.get(i));
      if (value != null) {
        nonNull[i]++;
      }
      hashSums[i] += SparkHash.hash(value, SparkHash.SEED);
      rowHash = SparkHash.hash(value, rowHash);
    }
    rowHashSum += rowHash;
  }

  /** Columns left out of the digests because their type's hash is not known here. */
  List<String> skipped() {
    return skipped;
  }

  /** Compares with the digests the server computes over {@code source} (a table, optionally with a WHERE clause). */
  void checkAgainstServer(SparkSession spark, String source, String what) {
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add("`" + name.replace("`", "``") + "`");
    }
    for (String column : quoted) {
      sql.append(", count(").append(column).append("), coalesce(sum(hash(").append(column).append(")), 0)");
    }
    sql.append(", coalesce(sum(hash(").append(String.join(", ", quoted)).append(")), 0) FROM ").append(source);
    Row server = Answers.of(what + ".server-digests", spark.sql(sql.toString()).first());
    Check.equal(what + ": rows (server count vs rows read)", server.getLong(0), rows);
    for (int i = 0; i < names.size(); i++) {
      Check.equal(what + ": non-NULL values of " + names.get(i) + " (server vs rows read)",
          server.getLong(1 + 2 * i), nonNull[i]);
      Check.equal(what + ": sum of hash(" + names.get(i) + ") (server vs rows read)", server.getLong(2 + 2 * i),
          hashSums[i]);
    }
    Check.equal(what + ": sum of every row's hash over " + names.size() + " columns (server vs rows read)",
        server.getLong(1 + 2 * names.size()), rowHashSum);
  }
}
