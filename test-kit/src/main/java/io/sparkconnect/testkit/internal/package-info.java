/** Implementation of the test-kit. Not API: it may change in any release. */
package io.sparkconnect.testkit.internal;
