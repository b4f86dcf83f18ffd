package io.sparkconnect.sql;

import io.sparkconnect.sql.internal.VariantJson;
import java.util.Arrays;

/**
 * A value of Spark's {@code variant} type (4.0+): semi-structured data in Spark's binary variant encoding. {@link
 * #toJson()} renders it as JSON, as Spark's {@code to_json} does. Immutable.
 */
public final class Variant {
  private final byte[] value;
  private final byte[] metadata;

  public Variant(byte[] value, byte[] metadata) {
    this.value = value.clone();
    this.metadata = metadata.clone();
  }

  /** The encoded value. */
  public byte[] value() {
    return value.clone();
  }

  /** The encoded metadata: the dictionary of object keys. */
  public byte[] metadata() {
    return metadata.clone();
  }

  /**
   * The value as JSON text.
   *
   * @throws SparkConnectException if the encoding is malformed
   */
  public String toJson() {
    return VariantJson.render(value, metadata);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Variant && Arrays.equals(value, ((Variant) other).value)
        && Arrays.equals(metadata, ((Variant) other).metadata);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value) * 31 + Arrays.hashCode(metadata);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
