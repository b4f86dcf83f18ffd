package io.sparkconnect.cli;

import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-connect e2e}: the eighteen end-to-end scenarios over the NYC-taxi-shaped dataset. */
@Command(name = "e2e", mixinStandardHelpOptions = true,
    description = "Runs the E2E scenarios on an NYC-taxi-shaped dataset (generated, or real parquet files): "
        + "aggregations, joins, windows, writes, views, parameters, large results, interrupts and errors, each "
        + "checked against an independent oracle. Exits 1 if any fails.")
final class E2eCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ScenarioOptions options;

  @Mixin
  DatasetOptions dataset;

  @Override
  public Integer call() {
    ScenarioSettings settings = ScenarioCommandRunner.settings(spec.commandLine(),
        () -> ScenarioSettings.builder().scale(dataset.scale).dataPath(dataset.dataPath).build());
    return ScenarioCommandRunner.run(spec.commandLine(), ScenarioKind.E2E, options, settings);
  }
}
