package io.sparkconnect.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.StructType;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.junit.SparkConnectTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Session release, cloning, server restarts, chunked results and rich errors against real servers. */
class SessionLifecycleIT {

  private static SparkSession connect(SparkConnectServer server) {
    return SparkSession.builder().remote(server.connectionString()).build();
  }

  private static boolean is4x(SparkConnectServer server) {
    return !server.sparkVersion().startsWith("3.");
  }

  @SparkConnectTest
  void closeReleasesTheSessionOnTheServer(SparkConnectServer server) {
    UUID id = UUID.randomUUID();
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).sessionId(id).build()) {
      spark.sql("CREATE OR REPLACE TEMP VIEW kept AS SELECT 1 AS x");
      assertEquals(id.toString(), spark.sessionId());
    }
    try (SparkSession again = SparkSession.builder().remote(server.connectionString()).sessionId(id).build()) {
      if (is4x(server)) {
        SessionException error = assertThrows(SessionException.class, () -> again.sql("SELECT * FROM kept"));
        assertTrue(error.getMessage().contains("SESSION_CLOSED"), error.getMessage());
      } else {
        assertEquals(1, again.sql("SELECT * FROM kept").count(), "3.5 has no ReleaseSession: the session lives on");
      }
    }
  }

  @SparkConnectTest
  void cloneSessionCopiesStateOn41(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      spark.sql("CREATE OR REPLACE TEMP VIEW original_view AS SELECT 7 AS x");
      spark.conf().set("spark.sql.shuffle.partitions", "3");
      if (server.sparkVersion().compareTo("4.1") < 0) {
        SparkConnectException error = assertThrows(SparkConnectException.class, spark::cloneSession);
        assertTrue(error.getMessage().contains("4.1"), error.getMessage());
        return;
      }
      try (SparkSession clone = spark.cloneSession()) {
        assertNotEquals(spark.sessionId(), clone.sessionId());
        assertEquals(7, clone.sql("SELECT x FROM original_view").first().getInt(0));
        assertEquals("3", clone.conf().get("spark.sql.shuffle.partitions"));
        clone.sql("CREATE OR REPLACE TEMP VIEW clone_only AS SELECT 1");
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT * FROM clone_only"));
      }
    }
  }

  @SparkConnectTest
  void ddlParsing(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      StructType parsed = (StructType) spark.parseDataType("a INT, b ARRAY<STRING>, c DECIMAL(10,2)");
      assertEquals(List.of("a", "b", "c"), parsed.fieldNames());
      assertEquals(DataTypes.IntegerType, parsed.field(0).dataType());
      assertEquals(DataTypes.createArrayType(DataTypes.StringType), parsed.field(1).dataType());
      assertThrows(ParseException.class, () -> spark.parseDataType("a INTT,,"));
    }
  }

  @SparkConnectTest
  void chunkedArrowBatchesAreReassembled(SparkConnectServer server) {
    try (SparkSession spark = SparkSession.builder().remote(server.connectionString()).arrowChunkSize(4096)
        .build()) {
      List<Row> rows = spark.sql("SELECT id, repeat('x', 1000) AS wide FROM range(3000)").collect();
      assertEquals(3000, rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(i, rows.get(i).getLong(0));
        assertEquals(1000, rows.get(i).getString(1).length());
      }
      try (CloseableIterator<Row> streamed = spark.sql("SELECT id FROM range(5000)").toLocalIterator()) {
        long n = 0;
        while (streamed.hasNext()) {
          assertEquals(n++, streamed.next().getLong(0));
        }
        assertEquals(5000, n);
      }
    }
  }

  @SparkConnectTest
  void runtimeErrorsCarryErrorClassAndQueryContextOn4x(SparkConnectServer server) {
    try (SparkSession spark = connect(server)) {
      spark.conf().set("spark.sql.ansi.enabled", "true");
      SparkRuntimeException error = assertThrows(SparkRuntimeException.class,
          () -> spark.sql("SELECT 10 / (id - id) FROM range(1)").collect());
      assertTrue(error.getMessage().contains("DIVIDE_BY_ZERO") || error.getMessage().contains("by zero"),
          error.getMessage());
      if (is4x(server)) {
        assertEquals("DIVIDE_BY_ZERO", error.errorClass());
        assertEquals("22012", error.sqlState());
        assertEquals(1, error.queryContexts().size());
        assertEquals("10 / (id - id)", error.queryContexts().get(0).fragment());
        assertEquals(7, error.queryContexts().get(0).startIndex());
      }
      ParseException parse = assertThrows(ParseException.class, () -> spark.sql("SELECT * FROM ("));
      if (is4x(server)) {
        assertEquals("PARSE_SYNTAX_ERROR", parse.errorClass());
        assertEquals("42601", parse.sqlState());
      }
    }
  }

  @Test
  void serverRestartIsASessionErrorNotSilentlyANewSession() {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst().orElse(null);
    if (version == null) {
      throw new IllegalStateException("This test needs a 4.x server in -Dspark.versions; 3.5 servers do not "
          + "report server-side session ids");
    }
    int port;
    SparkSession spark;
    try (SparkConnectServer first = SparkConnectServer.builder().sparkVersion(version).start()) {
      port = first.port();
      spark = connect(first);
      spark.sql("CREATE OR REPLACE TEMP VIEW before_restart AS SELECT 1");
      assertEquals(1, spark.sql("SELECT * FROM before_restart").count());
    }
    try (SparkConnectServer second = SparkConnectServer.builder().sparkVersion(version).port(port).start()) {
      SessionException error = assertThrows(SessionException.class,
          () -> spark.sql("SELECT * FROM before_restart").collect());
      assertTrue(error.getMessage().contains("SESSION_CHANGED") || error.getMessage().contains("changed"),
          error.getMessage());
      assertThrows(SessionException.class, () -> spark.sql("SELECT 1"));
      spark.close();
    }
  }
}
