package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.transport.ConnectChannel;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spark-connect version}: the tool's version and the server versions it can start. */
@Command(name = "version", description = "Prints the client version and the Spark versions it can start.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }

  /** The version lines shared by {@code version} and {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      java.util.List<String> lines = new java.util.ArrayList<>();
      lines.add("spark-connect-java " + ConnectChannel.clientVersion());
      lines.add("embedded Spark servers: " + String.join(", ", SparkVersions.available()));
      lines.addAll(CacheCommand.readiness());
      lines.add("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
      return lines.toArray(new String[0]);
    }
  }
}
