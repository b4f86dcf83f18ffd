package io.sparkconnect.arrow.internal;

import java.util.BitSet;
import org.apache.arrow.vector.FieldVector;

/** The null positions of a vector, or null when it has none. */
final class Nulls {
  private Nulls() {}

  static BitSet of(FieldVector vector) {
    int count = vector.getNullCount();
    if (count == 0) {
      return null;
    }
    BitSet nulls = new BitSet(vector.getValueCount());
    for (int i = 0; i < vector.getValueCount(); i++) {
      if (vector.isNull(i)) {
        nulls.set(i);
      }
    }
    return nulls;
  }
}
