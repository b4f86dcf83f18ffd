package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Holds every Arrow batch of a result to the schema of its first: the same columns and nested fields, in order,
 * with the same names, types and nullability, so no later batch is read under a schema it does not have. Dictionary
 * encoding and metadata are not compared: they do not change the values.
 */
public final class SchemaAgreement {
  private List<Field> first;
  private long batch;

  /**
   * Checks the schema of the next batch.
   *
   * @throws ArrowDecodingException naming the first column that differs and both of its types
   */
  public void check(List<Field> schema) {
    batch++;
    if (first == null) {
      first = schema;
      return;
    }
    if (schema == first) {
      return; // the decoder hands on the first batch's fields when a schema message repeats it byte for byte
    }
    List<Field> expected = first;
    List<Field> actual = schema;
    if (expected.size() != actual.size()) {
      throw changed("has " + actual.size() + " columns where the first had " + expected.size() + " ("
          + first + " vs " + schema + ")");
    }
    for (int i = 0; i < expected.size(); i++) {
      compare(expected.get(i), actual.get(i), expected.get(i).getName(), "column " + i);
    }
  }

  private void compare(Field expected, Field actual, String path, String position) {
    if (!expected.getName().equals(actual.getName())) {
      throw changed("names " + position + " '" + actual.getName() + "' where the first named it '"
          + expected.getName() + "'");
    }
    if (!expected.getType().equals(actual.getType()) || expected.isNullable() != actual.isNullable()
        || expected.getChildren().size() != actual.getChildren().size()) {
      throw changed("has column '" + path + "' of type " + describe(actual) + " where the first had "
          + describe(expected));
    }
    List<Field> children = expected.getChildren();
    for (int i = 0; i < children.size(); i++) {
      String child = path + "." + children.get(i).getName();
      compare(children.get(i), actual.getChildren().get(i), child, "field " + i + " of '" + path + "'");
    }
  }

  private static String describe(Field field) {
    String type = field.getType() + (field.isNullable() ? " nullable" : " not null");
    return field.getChildren().isEmpty() ? type : type + " with " + field.getChildren().size() + " children";
  }

  private ArrowDecodingException changed(String problem) {
    return new ArrowDecodingException("Arrow batch " + batch + " of the result " + problem + "; every batch of a "
        + "result must have the schema of the first, and later batches cannot be read under a changed one");
  }
}
