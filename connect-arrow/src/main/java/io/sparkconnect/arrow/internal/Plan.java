package io.sparkconnect.arrow.internal;

import io.sparkconnect.arrow.ArrowDecodingException;
import io.sparkconnect.arrow.FieldKind;
import io.sparkconnect.arrow.ResultField;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How one column (or nested field) is decoded: the expected field matched against its Arrow field, with ANY
 * replaced by what the Arrow type is read as. Built once per schema, so decoding dispatches on kinds only.
 */
public final class Plan {
  /** The field handed to the value factory: the expected one, or one synthesized from Arrow under ANY. */
  final ResultField field;
  /** The kind read; never ANY; null if the Arrow type has no kind (decoding it is an error). */
  final FieldKind kind;
  final String path;
  final ArrowType arrowType;
  /** STRUCT: its fields; ARRAY: the element; MAP: key and value; others: none. */
  final List<Plan> children;
  /** VARIANT: the indexes of the {@code value} and {@code metadata} children of the Arrow struct. */
  final int variantValue;
  final int variantMetadata;

  private Plan(ResultField field, FieldKind kind, String path, Field arrow, List<Plan> children) {
    this.field = field;
    this.kind = kind;
    this.path = path;
    this.arrowType = arrow.getType();
    this.children = children;
    this.variantValue = kind == FieldKind.VARIANT ? ArrowTypes.variantChild(arrow, "value") : -1;
    this.variantMetadata = kind == FieldKind.VARIANT ? ArrowTypes.variantChild(arrow, "metadata") : -1;
  }

  /**
   * Matches the expected columns against an Arrow schema: same number, same names (also of struct fields), each
   * Arrow type compatible with its expected kind, recursively.
   *
   * @throws ArrowDecodingException naming the column, the expected kind and the Arrow type on a mismatch
   */
  public static List<Plan> match(List<ResultField> expected, List<Field> fields) {
    if (fields.size() != expected.size()) {
      throw new ArrowDecodingException("The Arrow data has " + fields.size() + " columns but the result schema has "
          + expected.size() + ": Arrow " + names(fields) + ", expected " + expectedNames(expected));
    }
    List<Plan> plans = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      ResultField field = expected.get(i);
      Field arrow = fields.get(i);
      if (!field.name().equals(arrow.getName())) {
        throw new ArrowDecodingException("Column " + i + " of the Arrow data is named '" + arrow.getName()
            + "' but the result schema names it '" + field.name() + "'");
      }
      plans.add(match(field, arrow, field.name()));
    }
    return plans;
  }

  private static Plan match(ResultField expected, Field arrow, String path) {
    if (expected.kind() == FieldKind.ANY) {
      return synthesize(arrow, path);
    }
    FieldKind actual = ArrowTypes.kindOf(arrow.getType());
    boolean compatible = expected.kind() == FieldKind.VARIANT ? ArrowTypes.isVariant(arrow)
        : expected.kind() == actual;
    if (!compatible) {
      throw new ArrowDecodingException("Column '" + path + "' is expected as " + expected.kind()
          + " but its Arrow type is " + describe(arrow));
    }
    List<Plan> children = new ArrayList<>();
    switch (expected.kind()) {
      case STRUCT:
        List<Field> fields = arrow.getChildren();
        List<ResultField> wanted = expected.children();
        if (fields.size() != wanted.size()) {
          throw new ArrowDecodingException("Struct column '" + path + "' has " + fields.size() + " fields in the "
              + "Arrow data but " + wanted.size() + " in the result schema: Arrow " + names(fields) + ", expected "
              + expectedNames(wanted));
        }
        for (int i = 0; i < fields.size(); i++) {
          if (!wanted.get(i).name().equals(fields.get(i).getName())) {
            throw new ArrowDecodingException("Field " + i + " of struct column '" + path + "' is named '"
                + fields.get(i).getName() + "' in the Arrow data but '" + wanted.get(i).name()
                + "' in the result schema");
          }
          children.add(match(wanted.get(i), fields.get(i), path + "." + fields.get(i).getName()));
        }
        break;
      case ARRAY:
        children.add(match(expected.children().get(0), arrow.getChildren().get(0), path + ".element"));
        break;
      case MAP:
        Field entries = arrow.getChildren().get(0);
        children.add(match(expected.children().get(0), entries.getChildren().get(0), path + ".key"));
        children.add(match(expected.children().get(1), entries.getChildren().get(1), path + ".value"));
        break;
      default:
        break;
    }
    return new Plan(expected, expected.kind(), path, arrow, List.copyOf(children));
  }

  /** The plan of an Arrow field nothing was expected of: read by its Arrow type. */
  private static Plan synthesize(Field arrow, String path) {
    FieldKind kind = ArrowTypes.kindOf(arrow.getType());
    List<Plan> children = new ArrayList<>();
    if (kind == FieldKind.STRUCT) {
      for (Field child : arrow.getChildren()) {
        children.add(synthesize(child, path + "." + child.getName()));
      }
    } else if (kind == FieldKind.ARRAY) {
      children.add(synthesize(arrow.getChildren().get(0), path + ".element"));
    } else if (kind == FieldKind.MAP) {
      Field entries = arrow.getChildren().get(0);
      children.add(synthesize(entries.getChildren().get(0), path + ".key"));
      children.add(synthesize(entries.getChildren().get(1), path + ".value"));
    }
    List<ResultField> fields = new ArrayList<>(children.size());
    for (Plan child : children) {
      fields.add(child.field);
    }
    ResultField field = ResultField.of(arrow.getName(), kind == null ? FieldKind.ANY : kind, null, fields);
    return new Plan(field, kind, path, arrow, List.copyOf(children));
  }

  /** The plans of a schema nothing was expected of. */
  public static List<Plan> synthesize(List<Field> fields) {
    List<Plan> plans = new ArrayList<>();
    for (Field field : fields) {
      plans.add(synthesize(field, field.getName()));
    }
    return plans;
  }

  private static String describe(Field arrow) {
    return arrow.getChildren().isEmpty() ? arrow.getType().toString() : arrow.getType() + "<"
        + names(arrow.getChildren()) + ">";
  }

  private static List<String> names(List<Field> fields) {
    List<String> names = new ArrayList<>(fields.size());
    for (Field field : fields) {
      names.add(field.getName());
    }
    return names;
  }

  private static List<String> expectedNames(List<ResultField> fields) {
    List<String> names = new ArrayList<>(fields.size());
    for (ResultField field : fields) {
      names.add(field.name());
    }
    return names;
  }
}
