/** The scenarios themselves, the dataset generator and oracle, resource sampling and report rendering. */
package io.sparkconnect.testkit.scenarios.internal;
