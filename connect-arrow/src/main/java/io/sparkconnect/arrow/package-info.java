/** Decoding of the Arrow IPC streams in Spark Connect results into columns and Arrow batches. */
package io.sparkconnect.arrow;
