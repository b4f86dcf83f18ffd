package io.sparkconnect.cli;

import io.sparkconnect.testkit.ServerJarResolver;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.containers.DockerRequirement;
import io.sparkconnect.testkit.containers.SparkImages;
import io.sparkconnect.testkit.containers.SparkStandaloneCluster;
import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code spark-connect server --cluster}: a Spark standalone cluster in Docker (a master, workers and a Spark Connect
 * server submitting to the master), on images built locally, running until Ctrl-C and removed on the way out.
 */
final class LocalCluster {
  private final String sparkVersion;
  private final int workers;
  private final String heap;
  private final Map<String, String> conf;
  private final String token;
  private final ServerJarResolver jars;

  LocalCluster(String sparkVersion, int workers, String heap, Map<String, String> conf, String token,
      ServerJarResolver jars) {
    this.sparkVersion = SparkVersions.resolve(sparkVersion);
    this.workers = workers;
    this.heap = heap;
    this.conf = Map.copyOf(conf);
    this.token = token;
    this.jars = jars;
  }

  /**
   * Starts the cluster, prints its guidance on {@code err} and then its address on {@code out} (whoever sees the
   * address finds the guidance already written), and returns the exit code once the server is gone.
   */
  int run(PrintWriter out, PrintWriter err) throws InterruptedException {
    DockerRequirement.client();
    SparkStandaloneCluster cluster = new SparkStandaloneCluster(
        SparkImages.serverImage(sparkVersion, jars, line -> say(err, line)), sparkVersion, workers)
        .withProgress(line -> say(err, line));
    cluster.server().withHeap(heap);
    conf.forEach(cluster::withConf);
    if (token != null) {
      cluster.withConf("spark.connect.authenticate.token", token);
    }
    Thread removal = new Thread(() -> {
      err.println("Stopping and removing the cluster's containers");
      err.flush();
      cluster.stop();
    }, "spark-connect-cluster-removal");
    Runtime.getRuntime().addShutdownHook(removal);
    cluster.start();
    if (token != null) {
      err.println("Clients must add ;token=<the --token value> to this address.");
    }
    err.println("A Spark " + sparkVersion + " standalone cluster is ready: a master, " + workers + " worker"
        + (workers == 1 ? "" : "s") + " with one core each, and this Spark Connect server as its driver; "
        + SparkStandaloneCluster.SHARED_DIR + " in the server and workers is " + cluster.sharedDir()
        + " here. Press Ctrl-C to stop and remove it.");
    err.flush();
    String address = cluster.connectionString();
    out.println(token == null ? address : address.substring(0, address.indexOf(";token=")));
    out.flush();
    while (cluster.server().isRunning()) {
      Thread.sleep(1000);
    }
    Runtime.getRuntime().removeShutdownHook(removal);
    err.println("The Spark Connect server container stopped; removing the cluster");
    err.flush();
    cluster.stop();
    return ErrorHandler.SERVER_FAILED;
  }

  private static void say(PrintWriter err, String line) {
    err.println(line);
    err.flush();
  }
}
