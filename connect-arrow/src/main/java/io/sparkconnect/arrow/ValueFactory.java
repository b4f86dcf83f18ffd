package io.sparkconnect.arrow;

/**
 * Builds composite values in the caller's representation while a batch is decoded, so each is built once.
 * Implementations must be stateless or thread-confined to the decoder's thread; exceptions they throw reach the
 * caller of {@link ResultDecoder#add} unchanged.
 */
public interface ValueFactory {
  /**
   * A non-null struct value.
   *
   * @param field the STRUCT field as expected, or synthesized from the Arrow field (with a null {@code apiType})
   *     when it lies under an ANY field
   * @param values the field values in the order of {@code field.children()}; a fresh array the factory may keep
   */
  Object struct(ResultField field, Object[] values);

  /** A non-null variant value from its binary {@code value} and {@code metadata} (either may be null). */
  Object variant(ResultField field, byte[] value, byte[] metadata);
}
