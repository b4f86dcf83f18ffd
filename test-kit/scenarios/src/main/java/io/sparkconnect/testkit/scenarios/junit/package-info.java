/** Scenarios as JUnit 5 dynamic tests, against one server or every server version in the test-kit matrix. */
package io.sparkconnect.testkit.scenarios.junit;
