package io.sparkconnect.testkit.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkConnectException;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.Scenarios;
import io.sparkconnect.testkit.scenarios.junit.ScenarioTests;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A real standalone cluster (a master, two workers and a Spark Connect server in containers): tasks run on both
 * workers, the E2E and load scenarios pass, then a worker is killed mid-query and the client reads every row exactly
 * once, or a clear error; stopped, it leaves no container or network behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterScenariosIT {
  private static final String VERSION =
      SparkVersions.resolve(System.getProperty("sparkconnect.containers.version", SparkVersions.latest()));
  private static SparkStandaloneCluster cluster;

  @BeforeAll
  static void startCluster() {
    DockerRequirement.client();
    cluster = new SparkStandaloneCluster(VERSION)
        // a killed worker's executor is declared lost after 20 s of silence instead of the default 120 s
        .withConf("spark.network.timeout", "20s")
        .withConf("spark.network.timeoutInterval", "5s")
        .withConf("spark.executor.heartbeatInterval", "2s");
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.stop();
      assertEquals(List.of(), Leftovers.find(), "containers or networks left after stop()");
    }
  }

  @Test
  @Order(0)
  void tasksRunOnBothWorkers() {
    assertEquals(2, cluster.workers().size());
    try (SparkConnectProbe probe = SparkConnectProbe.open(cluster.server().host(), cluster.server().port(), null)) {
      assertEquals(VERSION, probe.sparkVersion());
      // start() already waited for this; asked again, it still spreads over both workers' executors.
      assertEquals(2, probe.countRows(SparkStandaloneCluster.HOSTS_QUERY, 120));
      assertEquals(1000, probe.countRows("SELECT id % 7 AS k, count(*) FROM range(0, 7000, 1, 8) GROUP BY k"
          + " UNION ALL SELECT id, id FROM range(993)", 120));
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> e2eScenariosOnTheCluster() {
    return ScenarioTests.against(cluster.connectionString(), Scenarios.ofKind(ScenarioKind.E2E),
        ScenarioSettings.shortRun());
  }

  @TestFactory
  @Order(2)
  Stream<DynamicNode> loadScenariosOnTheCluster() {
    return ScenarioTests.against(cluster.connectionString(), Scenarios.ofKind(ScenarioKind.LOAD),
        ScenarioSettings.shortRun());
  }

  @Test
  @Order(3)
  @Timeout(600)
  void aWorkerKilledMidQueryLosesAndDuplicatesNothing() throws Exception {
    long rows = 4000;
    try (SparkSession spark = SparkSession.builder().remote(cluster.connectionString()).build()) {
      // 40 tasks of 100 rows sleeping 10 ms each: about 20 s on the cluster's two one-core executors
      CompletableFuture<List<Row>> query = CompletableFuture.supplyAsync(() -> spark.sql("SELECT id, reflect('java.lang"
          + ".Thread', 'sleep', CAST(10 AS BIGINT)) AS slept FROM range(0, " + rows + ", 1, 40)").collect());
      Thread.sleep(4000);
      assertTrue(!query.isDone(), "the query ended before a worker could be killed");
      cluster.killWorker(0);
      List<Row> result;
      try {
        result = query.get(8, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof SparkConnectException) {
          fail("The query failed instead of finishing on the remaining worker: " + e.getCause().getMessage());
        }
        throw e;
      }
      Set<Long> ids = new HashSet<>();
      for (Row row : result) {
        assertTrue(ids.add(row.getLong(0)), "row " + row.getLong(0) + " was read twice");
      }
      assertEquals(rows, ids.size(), "every row read once");
      assertEquals(rows - 1, ids.stream().mapToLong(Long::longValue).max().orElse(-1));
      assertEquals(1L, spark.sql(SparkStandaloneCluster.HOSTS_QUERY).count(), "tasks now run on one worker only");
    }
  }
}
