package io.sparkconnect.sql.internal;

import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.ArrayType;
import io.sparkconnect.sql.types.DataType;
import io.sparkconnect.sql.types.DataTypes;
import io.sparkconnect.sql.types.DecimalType;
import io.sparkconnect.sql.types.IntervalType;
import io.sparkconnect.sql.types.MapType;
import io.sparkconnect.sql.types.StructField;
import io.sparkconnect.sql.types.StructType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Spark schema of a Java record or JavaBean class, inferred as Spark's {@code JavaTypeInference} infers it, and
 * how to turn its instances into rows. Records keep their components' order; beans have their readable properties
 * (public getters) in the order of their names, as Spark's bean encoder orders them. Primitives are non-nullable,
 * everything else nullable; {@code BigDecimal} is decimal(38,18) and {@code BigInteger} decimal(38,0), like Spark;
 * {@code LocalDateTime} is timestamp_ntz; enums are strings (their names); {@code Optional<T>} is a nullable T;
 * nested records and beans are structs.
 */
final class JavaTypeInference {
  private static final Map<Class<?>, DataType> PRIMITIVES = Map.of(
      boolean.class, DataTypes.BooleanType, byte.class, DataTypes.ByteType, short.class, DataTypes.ShortType,
      int.class, DataTypes.IntegerType, long.class, DataTypes.LongType, float.class, DataTypes.FloatType,
      double.class, DataTypes.DoubleType);
  private static final Map<Class<?>, DataType> LEAVES = Map.ofEntries(
      Map.entry(Boolean.class, DataTypes.BooleanType),
      Map.entry(Byte.class, DataTypes.ByteType),
      Map.entry(Short.class, DataTypes.ShortType),
      Map.entry(Integer.class, DataTypes.IntegerType),
      Map.entry(Long.class, DataTypes.LongType),
      Map.entry(Float.class, DataTypes.FloatType),
      Map.entry(Double.class, DataTypes.DoubleType),
      Map.entry(String.class, DataTypes.StringType),
      Map.entry(BigDecimal.class, new DecimalType(38, 18)),
      Map.entry(BigInteger.class, new DecimalType(38, 0)),
      Map.entry(byte[].class, DataTypes.BinaryType),
      Map.entry(LocalDate.class, DataTypes.DateType),
      Map.entry(java.sql.Date.class, DataTypes.DateType),
      Map.entry(Instant.class, DataTypes.TimestampType),
      Map.entry(java.sql.Timestamp.class, DataTypes.TimestampType),
      Map.entry(LocalDateTime.class, DataTypes.TimestampNTZType),
      Map.entry(Duration.class, IntervalType.dayTime(0, 3)),
      Map.entry(Period.class, IntervalType.yearMonth(0, 1)));
  private static final String SUPPORTED = "primitives and their boxes, String, BigDecimal, BigInteger, byte[], "
      + "LocalDate, java.sql.Date, Instant, java.sql.Timestamp, LocalDateTime, Duration, Period, enums, Optional, "
      + "List, arrays, Map, and nested records and JavaBeans";

  private JavaTypeInference() {}

  /** The schema of a class, and the rows of its instances. */
  static final class Inferred {
    private final StructType schema;
    private final StructReader reader;

    private Inferred(StructReader reader) {
      this.schema = reader.schema;
      this.reader = reader;
    }

    StructType schema() {
      return schema;
    }

    /**
     * The row of an instance, its nested records and beans as rows, enums as names, arrays as lists, optionals
     * unwrapped.
     *
     * @throws IllegalArgumentException if a getter fails or cannot be called
     */
    Row row(Object instance) {
      return reader.read(instance);
    }
  }

  /**
   * Infers the schema of a record or bean class.
   *
   * @throws IllegalArgumentException naming the field and the type that has no Spark type, or if the class is neither
   *     a record nor a bean with readable properties
   */
  static Inferred infer(Class<?> type) {
    if (!isStruct(type)) {
      throw new IllegalArgumentException("Cannot infer a schema from " + type.getName() + ": it is neither a record"
          + " nor a JavaBean with public getters");
    }
    return new Inferred(struct(type, "", new HashSet<>()));
  }

  /** What a Java type maps to: its Spark type and nullability, and how its non-null values become row values. */
  private static final class Mapping {
    final DataType type;
    final boolean nullable;
    final Reader reader;

    Mapping(DataType type, boolean nullable, Reader reader) {
      this.type = type;
      this.nullable = nullable;
      this.reader = reader;
    }
  }

  /** Turns a non-null Java value into a row value. */
  private interface Reader {
    Object read(Object value);
  }

  private static final Reader SAME = value -> value;

  private static Mapping mapping(Type type, String path, Set<Class<?>> enclosing) {
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      DataType primitive = PRIMITIVES.get(c);
      if (primitive != null) {
        return new Mapping(primitive, false, SAME);
      }
      DataType leaf = LEAVES.get(c);
      if (leaf != null) {
        return new Mapping(leaf, true, SAME);
      }
      if (c.isEnum()) {
        return new Mapping(DataTypes.StringType, true, value -> ((Enum<?>) value).name());
      }
      if (c.isArray()) {
        Mapping element = mapping(c.getComponentType(), path + "[]", enclosing);
        return new Mapping(new ArrayType(element.type, element.nullable), true, value -> array(value, element));
      }
      if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) || c == Optional.class) {
        throw unsupported(path, c, "it needs its type arguments, such as List<String>");
      }
      if (isStruct(c)) {
        StructReader struct = struct(c, path + ".", enclosing);
        return new Mapping(struct.schema, true, struct::read);
      }
      throw unsupported(path, c, "it has no Spark type");
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == Optional.class) {
        Mapping inner = mapping(arguments[0], path, enclosing);
        return new Mapping(inner.type, true, value -> {
          Object present = ((Optional<?>) value).orElse(null);
          return present == null ? null : inner.reader.read(present);
        });
      }
      if (List.class.isAssignableFrom(raw)) {
        Mapping element = mapping(arguments[0], path + "[]", enclosing);
        return new Mapping(new ArrayType(element.type, true), true, value -> list((List<?>) value, element));
      }
      if (Map.class.isAssignableFrom(raw)) {
        Mapping key = mapping(arguments[0], path + ".key", enclosing);
        Mapping value = mapping(arguments[1], path + ".value", enclosing);
        return new Mapping(new MapType(key.type, value.type, true), true, map -> map((Map<?, ?>) map, key, value));
      }
      throw unsupported(path, type, "of its type " + raw.getName() + "; use List, Map or Optional for generic types");
    }
    if (type instanceof GenericArrayType) {
      Mapping element = mapping(((GenericArrayType) type).getGenericComponentType(), path + "[]", enclosing);
      return new Mapping(new ArrayType(element.type, true), true, value -> array(value, element));
    }
    throw unsupported(path, type, "a type variable or wildcard has no Spark type; give the type itself");
  }

  private static IllegalArgumentException unsupported(String path, Type type, String why) {
    return new IllegalArgumentException("Cannot infer a Spark type for field '" + path + "' of type "
        + type.getTypeName() + ": " + why + ". Supported are " + SUPPORTED);
  }

  private static List<Object> list(List<?> values, Mapping element) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(value == null ? null : element.reader.read(value));
    }
    return out;
  }

  private static List<Object> array(Object array, Mapping element) {
    int length = java.lang.reflect.Array.getLength(array);
    List<Object> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      Object value = java.lang.reflect.Array.get(array, i);
      out.add(value == null ? null : element.reader.read(value));
    }
    return out;
  }

  private static Map<Object, Object> map(Map<?, ?> values, Mapping key, Mapping value) {
    Map<Object, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k == null ? null : key.reader.read(k), v == null ? null : value.reader.read(v)));
    return out;
  }

  /** Whether a class maps to a struct: a record, or a bean with at least one readable property. */
  private static boolean isStruct(Class<?> type) {
    return type.isRecord() || !type.isPrimitive() && !type.isArray() && !type.isInterface()
        && !LEAVES.containsKey(type) && !properties(type).isEmpty();
  }

  /** A record's components, or a bean's readable properties by name. */
  private static Map<String, Accessor> properties(Class<?> type) {
    Map<String, Accessor> properties = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        properties.put(component.getName(), new Accessor(component.getAccessor(), component.getGenericType()));
      }
      return properties;
    }
    Map<String, Accessor> sorted = new TreeMap<>();
    for (Method method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
          || method.getDeclaringClass() == Object.class || method.isBridge() || method.isSynthetic()) {
        continue;
      }
      String name = method.getName();
      String property;
      if (name.startsWith("get") && name.length() > 3 && method.getReturnType() != void.class) {
        property = decapitalize(name.substring(3));
      } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
        property = decapitalize(name.substring(2));
      } else {
        continue;
      }
      if (!name.startsWith("is") && sorted.containsKey(property)) {
        continue; // isX wins over getX for a boolean, as for java.beans
      }
      sorted.put(property, new Accessor(method, method.getGenericReturnType()));
    }
    properties.putAll(sorted);
    return properties;
  }

  /** As {@code java.beans.Introspector.decapitalize}: "Name" is "name", "URL" stays "URL". */
  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** A getter or record accessor and the generic type it returns. */
  private static final class Accessor {
    final Method method;
    final Type type;

    Accessor(Method method, Type type) {
      this.method = method;
      this.type = type;
    }
  }

  private static StructReader struct(Class<?> type, String prefix, Set<Class<?>> enclosing) {
    if (!enclosing.add(type)) {
      throw new IllegalArgumentException("Cannot infer a schema from " + type.getName() + " at '" + prefix
          + "': it contains itself, and Spark types cannot be recursive");
    }
    Map<String, Accessor> properties = properties(type);
    List<StructField> fields = new ArrayList<>(properties.size());
    Method[] getters = new Method[properties.size()];
    Reader[] readers = new Reader[properties.size()];
    int i = 0;
    for (Map.Entry<String, Accessor> property : properties.entrySet()) {
      Mapping mapping = mapping(property.getValue().type, prefix + property.getKey(), enclosing);
      fields.add(new StructField(property.getKey(), mapping.type, mapping.nullable));
      Method getter = property.getValue().method;
      getter.trySetAccessible();
      getters[i] = getter;
      readers[i] = mapping.reader;
      i++;
    }
    enclosing.remove(type);
    return new StructReader(type, new StructType(fields), getters, readers);
  }

  /** Reads the properties of instances of one class into rows. */
  private static final class StructReader {
    final Class<?> type;
    final StructType schema;
    final Method[] getters;
    final Reader[] readers;

    StructReader(Class<?> type, StructType schema, Method[] getters, Reader[] readers) {
      this.type = type;
      this.schema = schema;
      this.getters = getters;
      this.readers = readers;
    }

    Row read(Object instance) {
      if (!type.isInstance(instance)) {
        throw new IllegalArgumentException("Expected a " + type.getName() + ", got a " + instance.getClass().getName());
      }
      Object[] values = new Object[getters.length];
      for (int i = 0; i < values.length; i++) {
        Object value;
        try {
          value = getters[i].invoke(instance);
        } catch (IllegalAccessException e) {
          throw new IllegalArgumentException("Cannot call " + getters[i] + ": make " + type.getName()
              + " public, or open its package to io.sparkconnect.core", e);
        } catch (InvocationTargetException e) {
          throw new IllegalArgumentException("The getter " + getters[i].getName() + " of " + type.getName()
              + " failed: " + e.getCause(), e.getCause());
        }
        values[i] = value == null ? null : readers[i].read(value);
      }
      return new GenericRow(schema, values);
    }
  }
}
