package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.List;

/** Sessions, SQL, configuration and errors against real 3.5 and 4.1 servers. */
class SessionIT {

  private static SparkSession connect(SparkConnectServer server) {
    return SparkSession.builder().remote(server.connectionString()).build();
  }

  @SparkConnectTest
  void reportsTheServerVersion(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      assertEquals(server.sparkVersion(), spark.version());
    }
  }

  @SparkConnectTest
  void sqlQueryCollectsTypedRows(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = spark.sql("SELECT id, id * 2 AS twice, CAST(id AS STRING) AS s FROM range(5)").collect();
      assertEquals(5, rows.size());
      for (int i = 0; i < 5; i++) {
        Row row = rows.get(i);
        assertEquals(3, row.size());
        assertEquals(i, row.getLong(0));
        assertEquals((long) i * 2, row.get(1));
        assertEquals(Integer.toString(i), row.getString("s"));
      }
      assertEquals(DataTypes.LongType, rows.get(0).schema().field(0).dataType());
      assertEquals(List.of("id", "twice", "s"), rows.get(0).schema().fieldNames());
    }
  }

  @SparkConnectTest
  void versionFunctionAnswers(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      Row row = spark.sql("SELECT version()").first();
      assertTrue(row.getString(0).startsWith(server.sparkVersion()), row.getString(0));
    }
  }

  @SparkConnectTest
  void countLimitAndEmptyResults(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame numbers = spark.sql("SELECT * FROM range(1000)");
      assertEquals(1000, numbers.count());
      assertEquals(7, numbers.limit(7).collect().size());
      assertTrue(spark.sql("SELECT * FROM range(0)").collect().isEmpty());
      assertTrue(spark.sql("SELECT * FROM range(0)").isEmpty());
      assertFalse(numbers.isEmpty());
    }
  }

  @SparkConnectTest
  void largeResultArrivesCompleteAndInOrder(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      List<Row> rows = spark.sql("SELECT id, uuid() AS u FROM range(200000)").collect();
      assertEquals(200_000, rows.size());
      long sum = 0;
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(i, rows.get(i).getLong(0));
        sum += rows.get(i).getLong(0);
      }
      assertEquals(199_999L * 200_000L / 2, sum);
    }
  }

  @SparkConnectTest
  void commandsRunEagerly(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      spark.sql("CREATE OR REPLACE TEMP VIEW eager_view AS SELECT 42 AS answer");
      assertEquals(42, spark.sql("SELECT answer FROM eager_view").first().getInt(0));
      List<Row> shown = spark.sql("SHOW VIEWS").collect();
      assertTrue(shown.stream().anyMatch(r -> r.getString("viewName").equals("eager_view")), shown::toString);
    }
  }

  @SparkConnectTest
  void showPrintsATable(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      String table = spark.sql("SELECT 1 AS a, 'x' AS b").showString(20, 20, false);
      assertEquals("+---+---+\n|  a|  b|\n+---+---+\n|  1|  x|\n+---+---+\n", table);
    }
  }

  @SparkConnectTest
  void schemaComesFromAnalysis(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      DataFrame df = spark.sql("SELECT 1 AS a, 'x' AS b, CAST(1.5 AS DECIMAL(10,2)) AS c");
      assertEquals(List.of("a", "b", "c"), df.schema().fieldNames());
      assertEquals(DataTypes.IntegerType, df.schema().field(0).dataType());
      assertEquals(DataTypes.createDecimalType(10, 2), df.schema().field(2).dataType());
      assertEquals("c", df.columns()[2]);
    }
  }

  @SparkConnectTest
  void confRoundTrip(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      spark.conf().set("spark.sql.shuffle.partitions", 7);
      assertEquals("7", spark.conf().get("spark.sql.shuffle.partitions"));
      assertEquals("fallback", spark.conf().get("spark.test.unset.key", "fallback"));
      assertTrue(spark.conf().getOption("spark.test.unset.key").isEmpty());
      spark.conf().set("spark.test.custom", "v");
      assertEquals("v", spark.conf().getAll().get("spark.test.custom"));
      spark.conf().unset("spark.test.custom");
      assertTrue(spark.conf().getOption("spark.test.custom").isEmpty());
      assertTrue(spark.conf().isModifiable("spark.sql.shuffle.partitions"));
      assertFalse(spark.conf().isModifiable("spark.master"));
    }
  }

  @SparkConnectTest
  void sessionsAreIsolated(SparkConnectServer server) {
    try (SparkSession first = connect(server); SparkSession second = first.newSession()) {
      assertNotEquals(first.sessionId(), second.sessionId());
      first.sql("CREATE OR REPLACE TEMP VIEW only_in_first AS SELECT 1");
      assertEquals(1, first.sql("SELECT * FROM only_in_first").count());
      assertThrows(AnalysisException.class, () -> second.sql("SELECT * FROM only_in_first"));
    }
  }

  @SparkConnectTest
  void badSqlIsAParseException(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      ParseException error = assertThrows(ParseException.class, () -> spark.sql("SELEC 1"));
      assertTrue(error.getMessage().contains("PARSE_SYNTAX_ERROR") || error.getMessage().contains("Syntax error"),
          error.getMessage());
    }
  }

  @SparkConnectTest
  void missingTableIsAnAnalysisExceptionWithItsErrorClass(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      AnalysisException error =
          assertThrows(AnalysisException.class, () -> spark.sql("SELECT * FROM no_such_table_here").collect());
      assertTrue(error.getMessage().contains("no_such_table_here"), error.getMessage());
      if (!server.sparkVersion().startsWith("3.")) {
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", error.errorClass());
        assertEquals("42P01", error.sqlState());
        assertEquals("`no_such_table_here`", error.messageParameters().get("relationName"));
      }
    }
  }

  @SparkConnectTest
  void runtimeFailureIsASparkRuntimeException(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      SparkRuntimeException error = assertThrows(SparkRuntimeException.class,
          () -> spark.sql("SELECT raise_error('boom from test')").collect());
      assertTrue(error.getMessage().contains("boom from test"), error.getMessage());
    }
  }

  @SparkConnectTest
  void closedSessionRejectsCalls(SparkConnectServer server) {
    SparkSession spark = connect(server);
    spark.sql("SELECT 1").collect();
    spark.close();
    spark.close();
    SessionException error = assertThrows(SessionException.class, () -> spark.sql("SELECT 1"));
    assertTrue(error.getMessage().contains("closed"), error.getMessage());
  }

  @SparkConnectTest
  void unreachableServerIsAConnectionException() {
    try (SparkSession spark = SparkSession.builder().remote("sc://127.0.0.1:1/;retry_policy=none").build()) {
      ConnectionException error = assertThrows(ConnectionException.class, () -> spark.sql("SELECT 1"));
      assertTrue(error.getMessage().contains("127.0.0.1:1"), error.getMessage());
      assertTrue(error.getMessage().contains("retries are off"), error.getMessage());
    }
  }
}
