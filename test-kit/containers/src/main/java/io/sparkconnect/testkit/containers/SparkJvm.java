package io.sparkconnect.testkit.containers;

import io.sparkconnect.testkit.internal.ServerProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Java command lines of the Spark processes in the test-kit's containers. */
final class SparkJvm {
  static final String SERVER_MAIN = ServerProcess.SERVER_MAIN;
  static final String MASTER_MAIN = "org.apache.spark.deploy.master.Master";
  static final String WORKER_MAIN = "org.apache.spark.deploy.worker.Worker";

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
    command.addAll(ServerProcess.JAVA_OPTIONS);
    command.add("-Djava.io.tmpdir=/tmp");
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(SparkImages.SPARK_HOME + "/jars/*");
    command.add(mainClass);
    command.addAll(args);
    return command.toArray(new String[0]);
  }
}
