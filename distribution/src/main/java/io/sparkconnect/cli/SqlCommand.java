package io.sparkconnect.cli;

import io.sparkconnect.sql.CloseableIterator;
import io.sparkconnect.sql.DataFrame;
import io.sparkconnect.sql.ProgressListener;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.SparkSession;
import io.sparkconnect.sql.types.StructType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spark-connect sql "..."}: runs one statement and prints its result. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Runs a SQL statement and prints the result. Without --remote it starts an embedded server.")
final class SqlCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL statement to run.")
  String statement;

  @CommandLine.Mixin
  TargetOptions target;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--max-rows", paramLabel = "N",
      description = "Most rows to print; more are reported on stderr, never dropped silently (default: 1000 for "
          + "table; csv and json stream every row in flat memory).")
  Long maxRows;

  @Option(names = "--max-result-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
      description = "Stop with an error when the result brings more Arrow data than this, such as 64m or 2g "
          + "(default: a quarter of this tool's heap; max_result_bytes in --remote works too).")
  Long maxResultBytes;

  @Option(names = "--max-result-rows", paramLabel = "N",
      description = "Stop with an error when the result has more rows than this, unlike --max-rows, which prints "
          + "the first rows and says there are more (max_result_rows in --remote works too).")
  Long maxResultRows;

  /** A tool fails fast on an unreachable server, unless the connection string names another retry policy. */
  private SparkSession session(String remote) {
    SparkSession.Builder builder = SparkSession.builder().retryPolicy("fail-fast").remote(remote);
    if (maxResultBytes != null) {
      builder.maxResultBytes(maxResultBytes);
    }
    if (maxResultRows != null) {
      builder.maxResultRows(maxResultRows);
    }
    return builder.userAgent("spark-connect-cli").build();
  }

  @Override
  public Integer call() {
    long cap = maxRows != null ? maxRows : format.defaultMaxRows();
    if (cap < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-rows must be at least 1");
    }
    target.validate(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean streams = format != OutputFormat.table;
    // Rows streamed to a terminal would mix with the bar's redrawing; a table prints once the bar is gone.
    boolean showProgress = ProgressBar.stderrIsTerminal() && !(streams && System.console() != null);
    try (ServerTarget server = ServerTarget.open(target.remote, target.sparkVersion, target.offline, err);
        SparkSession spark = session(server.connectionString())) {
      DataFrame result = spark.sql(statement);
      DataFrame query = cap < Integer.MAX_VALUE ? result.limit((int) cap + 1) : result;
      StructType schema;
      List<Row> table = new ArrayList<>();
      boolean more;
      try (ProgressBar bar = new ProgressBar(err);
          ProgressListener.Registration progress = showProgress ? spark.reportProgressTo(bar) : () -> { };
          CloseableIterator<Row> rows = query.toLocalIterator()) {
        ShownRows shown = new ShownRows(rows, cap);
        schema = shown.schema(result::schema);
        if (streams) {
          format.formatter().write(schema, shown, out);
        } else {
          shown.forEachRemaining(table::add);
        }
        more = shown.more();
      }
      if (!streams) {
        format.formatter().write(schema, table.iterator(), out);
      }
      out.flush();
      if (more) {
        err.println("(showing the first " + cap + " rows; raise --max-rows to see more)");
      }
      return 0;
    }
  }
}
