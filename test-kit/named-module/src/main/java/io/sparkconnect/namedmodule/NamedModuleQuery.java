package io.sparkconnect.namedmodule;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import java.util.List;

/** Runs one query from a named module and prints what a caller checks: the module's name and the result. */
public final class NamedModuleQuery {
  private NamedModuleQuery() {
  }

  /** Connects to {@code args[0]}, sums 0..999 on the server and prints {@code module=<name> sum=<value>}. */
  public static void main(String[] args) {
    try (SparkSession spark = SparkSession.builder().remote(args[0]).build()) {
      List<Row> rows = spark.range(1000).selectExpr("sum(id) AS total").collect();
      System.out.println("module=" + NamedModuleQuery.class.getModule().getName()
          + " sum=" + rows.get(0).getLong(0));
    }
  }
}
