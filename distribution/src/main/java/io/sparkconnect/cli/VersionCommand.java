package io.sparkconnect.cli;

import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.transport.ConnectChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spark-connect version}: the tool's version, the server versions it can start and which start offline. */
@Command(name = "version", description = "Prints the client version, the Spark versions it can start, and which "
    + "of them have all their jars cached, so they start offline.")
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
      List<String> lines = new ArrayList<>();
      lines.add("spark-connect-java " + ConnectChannel.clientVersion());
      lines.add("embedded Spark servers: " + String.join(", ", SparkVersions.available()));
      lines.addAll(CacheCommand.readiness());
      lines.add("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
      return lines.toArray(new String[0]);
    }
  }
}
