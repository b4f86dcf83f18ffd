package io.sparkconnect.cli;

import picocli.CommandLine.Option;

/** Options that choose the taxi dataset of E2E and load scenarios. */
final class DatasetOptions {
  @Option(names = "--scale", paramLabel = "FACTOR", defaultValue = "0.1",
      description = "Size of the generated NYC-taxi-shaped dataset, 0.001 to 10: 1 is 1,000,000 trips "
          + "(default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--data", paramLabel = "PATH",
      description = "Use real NYC yellow taxi parquet files at this path (as the server sees it) instead of "
          + "generating the dataset.")
  String dataPath;
}
