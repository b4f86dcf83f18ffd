package io.sparkconnect.arrow.internal;

import java.io.IOException;
import java.io.OutputStream;

/** One buffer of a record batch body, as it is written. */
interface BodyPart {
  /** Its length in bytes, without padding. */
  long size();

  void writeTo(OutputStream out) throws IOException;
}
