/** Real Spark Connect servers started from Spark's jars for tests and tools. */
package io.sparkconnect.testkit;
