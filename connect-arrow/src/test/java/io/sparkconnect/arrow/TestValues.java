package io.sparkconnect.arrow;

import java.util.Arrays;
import java.util.List;

/** A value factory that builds comparable records, keeping the field it was given. */
final class TestValues implements ValueFactory {
  /** A struct value: the name and caller type of its field, and its values. */
  record Struct(String name, Object apiType, List<Object> values) {
    static Struct of(String name, Object... values) {
      return new Struct(name, "api:" + name, Arrays.asList(values));
    }
  }

  /** A variant value, its bytes in hex. */
  record Variant(String name, String value, String metadata) {}

  int structs;

  @Override
  public Object struct(ResultField field, Object[] values) {
    structs++;
    return new Struct(field.name(), field.apiType(), Arrays.asList(values));
  }

  @Override
  public Object variant(ResultField field, byte[] value, byte[] metadata) {
    return new Variant(field.name(), Ipc.hex(value), Ipc.hex(metadata));
  }
}
