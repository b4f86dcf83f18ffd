/** JUnit 5 support: run a test against every Spark server version in the matrix. */
package io.sparkconnect.testkit.junit;
