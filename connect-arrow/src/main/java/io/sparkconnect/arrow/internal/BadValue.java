package io.sparkconnect.arrow.internal;

/**
 * A value that does not fit its field, thrown while a row is encoded; the encoder turns it into an {@link
 * IllegalArgumentException} naming the row.
 */
public final class BadValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadValue(String message) {
    super(message, null, false, false);
  }

  BadValue(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  static BadValue wrongClass(String path, Object type, String expected, Object value) {
    return new BadValue("field '" + path + "' of Arrow type " + type + " takes " + expected + ", not "
        + value.getClass().getName() + " (" + Values.describe(value) + ")");
  }
}
