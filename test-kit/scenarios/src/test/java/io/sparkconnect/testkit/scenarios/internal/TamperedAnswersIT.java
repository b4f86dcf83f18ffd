package io.sparkconnect.testkit.scenarios.internal;

import static io.sparkconnect.testkit.scenarios.internal.AnswerTampers.change;
import static io.sparkconnect.testkit.scenarios.internal.AnswerTampers.drop;
import static io.sparkconnect.testkit.scenarios.internal.AnswerTampers.swapWithNext;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.sql.Row;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import io.sparkconnect.testkit.scenarios.ScenarioKind;
import io.sparkconnect.testkit.scenarios.ScenarioSettings;
import io.sparkconnect.testkit.scenarios.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every E2E check can fail: for each of the eighteen scenarios, a server answer is altered the way the scenario
 * guards against (a changed value, a missing row, a NULL where a value belongs, reordered rows, a wrong error) and
 * the scenario must fail with a message naming the difference. On a 2,000-trip generated dataset.
 */
class TamperedAnswersIT {
  private static final ScenarioSettings SETTINGS = ScenarioSettings.shortRun().toBuilder().scale(0.002).build();

  static List<TamperCase> cases() {
    List<TamperCase> cases = new ArrayList<>();
    cases.add(TamperCase.of("one more NULL fare", "dataset-integrity", "dataset-integrity.columns",
        change(AnswerTampers::any, 16, AnswerTampers::plusOne), "NULL fares: expected ", " but was "));
    cases.add(TamperCase.of("the fare sum off by a cent", "full-table-aggregates", "full-table-aggregates.row",
        change(AnswerTampers::any, 1, AnswerTampers::plusOneCent), "sum(fare_amount): expected ", " but was "));
    cases.add(TamperCase.of("a NULL standard deviation", "percentiles-and-stddev", "percentiles-and-stddev.per-payment",
        change(AnswerTampers::any, 1, value -> null), "stddev_samp is NULL for payment ",
        ": expected false but was true"));
    cases.add(TamperCase.of("a ROLLUP group's fare sum changed", "grouping-sets", "grouping-sets.rollup",
        change(row -> row.getLong(2) == 0, 5, AnswerTampers::plusOneCent), "fare sum in ROLLUP group vendor ",
        ", payment ", ": expected ", " but was "));
    cases.add(TamperCase.of("a ROLLUP group's NULL fare counted", "grouping-sets", "grouping-sets.rollup",
        change(row -> row.getLong(2) == 1, 4, AnswerTampers::plusOne), "non-NULL fares in ROLLUP group vendor ",
        ": expected "));
    cases.add(TamperCase.of("a GROUPING SETS group missing", "grouping-sets", "grouping-sets.sql", drop(0),
        "GROUPING SETS rows: expected ", " but was "));
    cases.add(TamperCase.of("a borough missing", "zone-join", "zone-join.rows", drop(0),
        "trips per pickup borough differ in 1 of 6 keys: ", ": expected ", " but was no entry"));
    cases.add(TamperCase.of("a rank changed", "window-rank", "window-rank.rows",
        change(AnswerTampers::any, 3, AnswerTampers::plusOne), "rank of zone ", ": expected ", " but was "));
    cases.add(TamperCase.of("a running total over the wrong frame", "window-running-total", "window-running-total.rows",
        change(row -> row.getDouble(2) != row.getDouble(3), 3, value -> 0.0), "running total of vendor ",
        ": expected ", " but was 0.0"));
    cases.add(TamperCase.of("NULL where the previous day belongs", "window-lag-lead", "window-lag-lead.rows",
        change(row -> !row.isNullAt(3), 3, value -> null), "previous day of vendor ", " but was NULL"));
    cases.add(TamperCase.of("previous and next day swapped", "window-lag-lead", "window-lag-lead.rows",
        TamperedAnswersIT::swapNeighbours, "day of vendor ", ": expected ", " but was "));
    cases.add(TamperCase.of("a vendor partition missing", "parquet-round-trip", "parquet-round-trip.per-vendor",
        drop(0), "trips per vendor partition differ in 1 of 2 keys: ", " but was no entry"));
    cases.add(TamperCase.of("a saved group's trips changed", "save-as-table", "save-as-table.rows",
        change(AnswerTampers::any, 2, AnswerTampers::plusOne), "trips of [", ": expected ", " but was "));
    cases.add(TamperCase.of("a zone of the view missing", "temp-view", "temp-view.sql", drop(0),
        "miles per pickup zone, by SQL over the view differ in 1 of ", ": expected ",
        " but was no entry"));
    cases.add(TamperCase.of("one trip more above the median", "parameterized-sql", "parameterized-sql.named",
        AnswerTampers::plusOne, "card trips above the median fare ", "(named parameters): expected "));
    cases.add(TamperCase.of("a collected fare changed", "large-collect", "large-collect.rows",
        change(row -> !row.isNullAt(row.fieldIndex("fare_amount")), "fare_amount", AnswerTampers::plusOneCent),
        "collected row ", ") fare_amount: expected ", " but was "));
    cases.add(TamperCase.of("NULL where a passenger count belongs", "large-collect", "large-collect.rows",
        change(row -> !row.isNullAt(row.fieldIndex("passenger_count")), "passenger_count", value -> null),
        ") passenger_count: expected ", " but was null"));
    cases.add(TamperCase.of("a collected row missing", "large-collect", "large-collect.rows", drop(100),
        "collected: expected all 2000 trips but was 1999; missing trips [", "such as trip "));
    cases.add(TamperCase.of("a server digest differs", "large-collect", "collected rows.server-digests",
        change(AnswerTampers::any, 22, AnswerTampers::plusOne),
        "collected rows: sum of hash(fare_amount) (server vs rows read): expected "));
    cases.add(TamperCase.of("two streamed rows reordered", "streaming-iteration", "streaming-iteration.rows",
        swapWithNext((a, b) -> !a.get(0).equals(b.get(0))), "streamed row ", "the rows are out of order"));
    cases.add(TamperCase.of("a streamed total changed to NULL", "streaming-iteration", "streaming-iteration.rows",
        change(row -> !row.isNullAt(1), 1, value -> null), "streamed row ", ") total_amount: expected ",
        " but was null"));
    cases.add(TamperCase.of("a streamed row missing", "streaming-iteration", "streaming-iteration.rows", drop(500),
        "streamed: expected all 2000 trips but was 1999"));
    cases.add(TamperCase.of("the interrupted query completed", "interrupt", "interrupt.outcome", value -> null,
        "the interrupted query should fail with a SparkConnectException, got null"));
    cases.add(TamperCase.of("no error for a division by zero", "error-handling", "error-handling.division-by-zero",
        value -> null, "a division by zero: expected SparkRuntimeException but nothing was thrown"));
    cases.add(new TamperCase("the wrong error for a type mismatch", "error-handling", "error-handling.type-mismatch",
        TamperedAnswersIT::missingTableForTypeMismatch, List.of("DATATYPE_MISMATCH", "TABLE_OR_VIEW_NOT_FOUND")));
    cases.add(TamperCase.of("NULL where a sent zone belongs", "local-data-round-trip", "local-data-round-trip.rows",
        change(row -> !row.isNullAt(row.fieldIndex("zone")), "zone", value -> null), ": zone: expected zone-",
        " but was null"));
    cases.add(TamperCase.of("one card trip more through the UDF", "java-udf", "java-udf.card-trips",
        AnswerTampers::plusOne, "card-paid trips found through the UDF: expected "));
    return cases;
  }

  @Test
  void everyE2eScenarioHasATamper() {
    Set<String> tampered = cases().stream().map(TamperCase::scenario).collect(Collectors.toCollection(TreeSet::new));
    Set<String> all = Scenarios.ofKind(ScenarioKind.E2E).stream().map(s -> s.name().substring("e2e.".length()))
        .collect(Collectors.toCollection(TreeSet::new));
    all.removeAll(tampered);
    assertTrue(all.isEmpty(), "E2E scenarios without a tamper test: " + all);
  }

  @TestFactory
  Stream<DynamicNode> tamperedAnswersFailTheirScenario() {
    List<DynamicNode> containers = new ArrayList<>();
    for (String version : SparkVersions.matrix()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (TamperCase tamper : cases()) {
        tests.add(DynamicTest.dynamicTest(tamper.scenario() + ": " + tamper.name(),
            () -> tamper.check(SparkConnectServer.shared(version).connectionString(), SETTINGS)));
      }
      containers.add(DynamicContainer.dynamicContainer("spark " + version, tests));
    }
    return containers.stream();
  }

  private static Object swapNeighbours(Object answer) {
    @SuppressWarnings("unchecked")
    List<Row> rows = (List<Row>) answer;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (!row.isNullAt(3) && !row.isNullAt(4) && row.getDouble(3) != row.getDouble(4)) {
        Row swapped = new TamperedRow(new TamperedRow(row, 3, row.get(4)), 4, row.get(3));
        rows.set(i, swapped);
        return rows;
      }
    }
    throw new AssertionError("no row with two different neighbouring days");
  }

  private static Answers.Tamper missingTableForTypeMismatch() {
    AtomicReference<Object> missingTable = new AtomicReference<>();
    return (answer, value) -> {
      if (answer.equals("error-handling.missing-table")) {
        missingTable.set(value);
      }
      return answer.equals("error-handling.type-mismatch") ? missingTable.get() : value;
    };
  }
}
