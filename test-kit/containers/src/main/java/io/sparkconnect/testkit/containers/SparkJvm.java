package io.sparkconnect.testkit.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Java command lines of the Spark processes in the test-kit's containers. */
final class SparkJvm {
  /** The Spark Connect server's main class, as ServerProcess starts it. */
  static final String SERVER_MAIN = "org.apache.spark.sql.connect.service.SparkConnectServer";
  static final String MASTER_MAIN = "org.apache.spark.deploy.master.Master";
  static final String WORKER_MAIN = "org.apache.spark.deploy.worker.Worker";

  /** Module openings Spark needs on Java 17+; the same list as ServerProcess (internal) uses for child JVMs. */
  static final List<String> JAVA_OPTIONS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");

  private SparkJvm() {}

  /**
   * {@code java -Xmx<heap> <options> -D<key>=<value>... -cp $SPARK_HOME/jars/* <main> <args>}: the java launcher
   * expands the classpath wildcard itself, so no shell is needed and any image with {@code java} on its PATH and
   * Spark's jars in {@value SparkImages#SPARK_HOME}{@code /jars} runs it, the official {@code apache/spark} ones too.
   */
  static String[] command(String heap, Map<String, String> systemProperties, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.add("-Xmx" + heap);
    command.addAll(JAVA_OPTIONS);
    command.add("-Djava.io.tmpdir=/tmp");
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(SparkImages.SPARK_HOME + "/jars/*");
    command.add(mainClass);
    command.addAll(args);
    return command.toArray(new String[0]);
  }
}
