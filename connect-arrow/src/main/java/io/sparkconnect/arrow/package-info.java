/**
 * Decoding of the Arrow IPC streams in Spark Connect results into columns and Arrow batches, and encoding of local
 * data as Arrow IPC streams.
 */
package io.sparkconnect.arrow;
