package io.sparkconnect.cli;

import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-connect smoke}: the thirteen quick checks that a deployment works. */
@Command(name = "smoke", mixinStandardHelpOptions = true,
    description = "Runs the smoke scenarios: connection lifecycle, SQL, DataFrames, configuration and errors. "
        + "Exits 1 if any fails.")
final class SmokeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ScenarioOptions options;

  @Override
  public Integer call() {
    return ScenarioCommandRunner.run(spec.commandLine(), ScenarioKind.SMOKE, options,
        ScenarioSettings.builder().build());
  }
}
