package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.testkit.scenarios.internal.AnswerTampers.change;
import static io.sparkconnect.testkit.scenarios.internal.AnswerTampers.drop;
import static io.sparkconnect.testkit.scenarios.internal.AnswerTampers.swapWithNext;

import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checks of real-data mode ({@code --data PATH}) can fail: with the expected values taken from server aggregates
 * and the collected or streamed rows checked against server-side hash digests, an altered answer must fail its
 * scenario with a message naming the difference.
 */
class TamperedRealDataIT {
  static List<TamperCase> cases() {
    List<TamperCase> cases = new ArrayList<>();
    cases.add(TamperCase.of("a collected fare changed", "large-collect", "large-collect.rows",
        change(row -> !row.isNullAt(row.fieldIndex("fare_amount")), "fare_amount", AnswerTampers::plusOneCent),
        "collected rows: sum of hash(fare_amount) (server vs rows read): expected "));
    cases.add(TamperCase.of("NULL where a collected fare belongs", "large-collect", "large-collect.rows",
        change(row -> !row.isNullAt(row.fieldIndex("fare_amount")), "fare_amount", value -> null),
        "collected rows: non-NULL values of fare_amount (server vs rows read): expected "));
    cases.add(TamperCase.of("a collected row missing", "large-collect", "large-collect.rows", drop(10),
        "collected rows: rows (server count vs rows read): expected " + RealTaxiFiles.TRIPS + " but was "
            + (RealTaxiFiles.TRIPS - 1)));
    cases.add(TamperCase.of("two streamed rows reordered", "streaming-iteration", "streaming-iteration.rows",
        swapWithNext((a, b) -> !a.get(0).equals(b.get(0))), "the rows are out of order"));
    cases.add(TamperCase.of("a streamed total changed", "streaming-iteration", "streaming-iteration.rows",
        change(row -> !row.isNullAt(1), 1, AnswerTampers::plusOneCent),
        "streamed rows: sum of hash(total_amount) (server vs rows read): expected "));
    cases.add(TamperCase.of("the fare sum off by a cent", "full-table-aggregates", "full-table-aggregates.row",
        change(row -> true, 1, AnswerTampers::plusOneCent), "sum(fare_amount): expected "));
    cases.add(TamperCase.of("a ROLLUP group's trips changed", "grouping-sets", "grouping-sets.rollup",
        change(row -> row.getLong(2) == 0, 3, AnswerTampers::plusOne), "trips in ROLLUP group vendor ",
        ": expected "));
    cases.add(TamperCase.of("a wrong standard deviation", "percentiles-and-stddev", "percentiles-and-stddev.row",
        change(row -> true, 2, AnswerTampers::plusOneCent), "stddev_samp(fare_amount): expected "));
    cases.add(TamperCase.of("a running total over the wrong frame", "window-running-total",
        "window-running-total.rows", change(row -> row.getDouble(2) != row.getDouble(3), 3, value -> 0.0),
        "running total of vendor ", " but was 0.0"));
    return cases;
  }

  @TestFactory
  Stream<DynamicNode> tamperedAnswersFailTheirScenarioOnFiles() {
    List<DynamicNode> containers = new ArrayList<>();
    for (String version : SparkVersions.matrix()) {
      List<DynamicNode> tests = new ArrayList<>();
      String[] path = new String[1];
      for (TamperCase tamper : cases()) {
        tests.add(DynamicTest.dynamicTest(tamper.toString(), () -> {
          String remote = SparkConnectServer.shared(version).connectionString();
          if (path[0] == null) {
            path[0] = RealTaxiFiles.write(remote, "tampered_real_data_it");
          }
          tamper.check(remote, ScenarioSettings.shortRun().toBuilder().dataPath(path[0]).build());
        }));
      }
      containers.add(DynamicContainer.dynamicContainer("spark " + version, tests));
    }
    return containers.stream();
  }
}
