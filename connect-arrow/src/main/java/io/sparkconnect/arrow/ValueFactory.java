package io.sparkconnect.arrow;

/**
 * Builds composite values in the caller's representation. Structs in a column, a struct or an array are built when a
 * decoded value is read ({@link DecodedColumn#get}), again on each read and on whatever thread reads it; those in
 * maps and variants are built while the batch is decoded. Implementations must be stateless and thread-safe;
 * exceptions they throw reach the caller of {@link ResultDecoder#add} or of {@link DecodedColumn#get} unchanged.
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
