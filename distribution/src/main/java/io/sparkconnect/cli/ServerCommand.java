package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-connect server}: starts a local server (or, with {@code --cluster}, a standalone cluster in Docker),
 * prints its address (after what it writes on stderr, so whoever sees the address finds that already written), and
 * runs until interrupted.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Starts a local Spark Connect server on 127.0.0.1, prints its sc:// address, and keeps it "
        + "running until Ctrl-C. With --cluster, a Spark standalone cluster in Docker instead.")
final class ServerCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--spark", paramLabel = "VERSION", defaultValue = "4.1",
      description = "Spark version: 3.5, 4.0, 4.1 or 4.2 (default: ${DEFAULT-VALUE}).")
  String sparkVersion;

  @Option(names = "--heap", paramLabel = "SIZE", defaultValue = SparkConnectServer.DEFAULT_HEAP,
      description = "Server JVM heap, such as 2g (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark configuration the server starts with, such as spark.sql.shuffle.partitions=4 "
          + "(repeatable).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Clients must send this bearer token (Spark 4.x: spark.connect.authenticate.token). It is "
          + "never printed; clients add ;token=... to the printed address.")
  String token;

  @Option(names = "--offline",
      description = "Use only server jars already cached; fail naming the missing ones instead of downloading.")
  boolean offline;

  @Option(names = "--tls",
      description = "Put TLS in front of the server: a new test CA signs a certificate for localhost and 127.0.0.1. "
          + "The address printed then has use_ssl=true, and the next line is the CA file clients must trust.")
  boolean tls;

  @Option(names = "--cluster",
      description = "Start a Spark standalone cluster in Docker instead: a master, --workers workers and a Spark "
          + "Connect server submitting to the master, each in its own container, on images built here from "
          + "Debian's packages and Spark's jars (no registry). Needs a running Docker engine.")
  boolean cluster;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
      description = "With --cluster: how many workers, one core and 1 GiB each (default: ${DEFAULT-VALUE}).")
  int workers;

  @Override
  public Integer call() throws InterruptedException {
    try {
      SparkVersions.resolve(sparkVersion);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!cluster && spec.commandLine().getParseResult().hasMatchedOption("--workers")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers needs --cluster");
    }
    if (cluster) {
      if (tls) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--tls is for the local server only; the cluster's server is reached on 127.0.0.1 without TLS");
      }
      if (workers < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--workers must be at least 1, not " + workers);
      }
      return new LocalCluster(sparkVersion, workers, heap, conf, token, MavenJarResolver.fromEnvironment(offline))
          .run(out, err);
    }
    SparkConnectServer.Builder builder = SparkConnectServer.builder().sparkVersion(sparkVersion).heap(heap)
        .jarResolver(MavenJarResolver.fromEnvironment(offline));
    try {
      conf.forEach(builder::conf);
      if (token != null) {
        builder.token(token);
      }
      if (tls) {
        builder.tls();
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (SparkConnectServer server = builder
        .progress(line -> {
          err.println(line);
          err.flush();
        })
        .start()) {
      if (token != null) {
        err.println("Clients must add ;token=<the --token value> to this address.");
      }
      server.caCertificate().ifPresent(ca -> err.println("Clients must trust the CA in " + ca + ": "
          + "TlsSettings.builder().trustCertificates(Path.of(\"" + ca + "\")) in Java, or "
          + "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=" + ca + " for PySpark and other gRPC clients built on gRPC core."));
      err.println("Spark Connect " + server.sparkVersion() + " is ready; logs in " + server.logFile()
          + ". Press Ctrl-C to stop.");
      err.flush();
      out.println(address(server));
      server.caCertificate().ifPresent(out::println);
      out.flush();
      int exit = server.awaitTermination();
      err.println("The server stopped with exit code " + exit);
      return exit == 0 ? 0 : ErrorHandler.SERVER_FAILED;
    }
  }

  /** The server's address without its token, which is never printed. */
  private String address(SparkConnectServer server) {
    if (token == null) {
      return server.connectionString();
    }
    return "sc://127.0.0.1:" + server.port() + "/;use_ssl=" + tls;
  }
}
