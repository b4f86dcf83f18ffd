/**
 * Named smoke, E2E and load scenarios ({@link io.sparkconnect.testkit.scenarios.Scenarios}), the runner that runs them
 * against a server ({@link io.sparkconnect.testkit.scenarios.ScenarioRunner}) and the reports it writes
 * ({@link io.sparkconnect.testkit.scenarios.ReportWriter}).
 */
package io.sparkconnect.testkit.scenarios;
