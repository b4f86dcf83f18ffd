package io.sparkconnect.arrow.internal;

/** Reads the Java value at an index of one Arrow vector; built once per vector so type dispatch happens once. */
@FunctionalInterface
interface ValueReader {
  /** The value at {@code index}, or null. */
  Object read(int index);
}
