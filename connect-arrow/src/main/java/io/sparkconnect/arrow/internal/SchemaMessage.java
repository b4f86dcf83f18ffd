package io.sparkconnect.arrow.internal;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Date;
import org.apache.arrow.flatbuf.Decimal;
import org.apache.arrow.flatbuf.Duration;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.Interval;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Time;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The flatbuffer of an IPC schema message, written field by field with Arrow's generated flatbuffer classes on a
 * heap buffer. Only the types {@link EncodableTypes} accepts reach it.
 */
final class SchemaMessage {
  private SchemaMessage() {}

  /** The finished {@code Message} flatbuffer holding {@code schema}. */
  static byte[] of(Schema schema) {
    FlatBufferBuilder builder = new FlatBufferBuilder(1024);
    List<org.apache.arrow.vector.types.pojo.Field> fields = schema.getFields();
    int[] offsets = new int[fields.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = field(builder, fields.get(i));
    }
    int fieldsVector = org.apache.arrow.flatbuf.Schema.createFieldsVector(builder, offsets);
    int metadata = metadata(builder, schema.getCustomMetadata());
    org.apache.arrow.flatbuf.Schema.startSchema(builder);
    org.apache.arrow.flatbuf.Schema.addEndianness(builder, Endianness.Little);
    org.apache.arrow.flatbuf.Schema.addFields(builder, fieldsVector);
    if (metadata != 0) {
      org.apache.arrow.flatbuf.Schema.addCustomMetadata(builder, metadata);
    }
    int header = org.apache.arrow.flatbuf.Schema.endSchema(builder);
    Message.startMessage(builder);
    Message.addVersion(builder, MetadataVersion.V5);
    Message.addHeaderType(builder, MessageHeader.Schema);
    Message.addHeader(builder, header);
    Message.addBodyLength(builder, 0);
    builder.finish(Message.endMessage(builder));
    return builder.sizedByteArray();
  }

  private static int field(FlatBufferBuilder builder, org.apache.arrow.vector.types.pojo.Field field) {
    List<org.apache.arrow.vector.types.pojo.Field> children = field.getChildren();
    int[] childOffsets = new int[children.size()];
    for (int i = 0; i < childOffsets.length; i++) {
      childOffsets[i] = field(builder, children.get(i));
    }
    int name = builder.createString(field.getName());
    ArrowType type = field.getType();
    int typeOffset = type(builder, type);
    int childrenVector = Field.createChildrenVector(builder, childOffsets);
    int metadata = metadata(builder, field.getMetadata());
    Field.startField(builder);
    Field.addName(builder, name);
    Field.addNullable(builder, field.isNullable());
    Field.addTypeType(builder, typeId(type));
    Field.addType(builder, typeOffset);
    Field.addChildren(builder, childrenVector);
    if (metadata != 0) {
      Field.addCustomMetadata(builder, metadata);
    }
    return Field.endField(builder);
  }

  /** The key-value vector of {@code metadata}, or 0 when there is none. */
  private static int metadata(FlatBufferBuilder builder, Map<String, String> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return 0;
    }
    int[] pairs = new int[metadata.size()];
    int i = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      int key = builder.createString(entry.getKey());
      int value = builder.createString(entry.getValue());
      pairs[i++] = KeyValue.createKeyValue(builder, key, value);
    }
    return Field.createCustomMetadataVector(builder, pairs);
  }

  private static byte typeId(ArrowType type) {
    switch (type.getTypeID()) {
      case Null:
        return Type.Null;
      case Bool:
        return Type.Bool;
      case Int:
        return Type.Int;
      case FloatingPoint:
        return Type.FloatingPoint;
      case Decimal:
        return Type.Decimal;
      case Utf8:
        return Type.Utf8;
      case Binary:
        return Type.Binary;
      case Date:
        return Type.Date;
      case Timestamp:
        return Type.Timestamp;
      case Interval:
        return Type.Interval;
      case Duration:
        return Type.Duration;
      case Time:
        return Type.Time;
      case List:
        return Type.List;
      case Map:
        return Type.Map;
      case Struct:
        return Type.Struct_;
      default:
        throw new IllegalStateException("No schema encoding for " + type);
    }
  }

  /** The type table of {@code type}: every table is written, even those without fields. */
  private static int type(FlatBufferBuilder builder, ArrowType type) {
    switch (type.getTypeID()) {
      case Int: {
        ArrowType.Int integer = (ArrowType.Int) type;
        return Int.createInt(builder, integer.getBitWidth(), integer.getIsSigned());
      }
      case FloatingPoint:
        return FloatingPoint.createFloatingPoint(builder,
            (short) ((ArrowType.FloatingPoint) type).getPrecision().getFlatbufID());
      case Decimal: {
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        return Decimal.createDecimal(builder, decimal.getPrecision(), decimal.getScale(), decimal.getBitWidth());
      }
      case Date:
        return Date.createDate(builder, ((ArrowType.Date) type).getUnit().getFlatbufID());
      case Timestamp: {
        ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
        int zone = timestamp.getTimezone() == null ? 0 : builder.createString(timestamp.getTimezone());
        return Timestamp.createTimestamp(builder, timestamp.getUnit().getFlatbufID(), zone);
      }
      case Interval:
        return Interval.createInterval(builder, ((ArrowType.Interval) type).getUnit().getFlatbufID());
      case Duration:
        return Duration.createDuration(builder, ((ArrowType.Duration) type).getUnit().getFlatbufID());
      case Time: {
        ArrowType.Time time = (ArrowType.Time) type;
        return Time.createTime(builder, time.getUnit().getFlatbufID(), time.getBitWidth());
      }
      case Map:
        return org.apache.arrow.flatbuf.Map.createMap(builder, ((ArrowType.Map) type).getKeysSorted());
      case Null:
        org.apache.arrow.flatbuf.Null.startNull(builder);
        return org.apache.arrow.flatbuf.Null.endNull(builder);
      case Bool:
        org.apache.arrow.flatbuf.Bool.startBool(builder);
        return org.apache.arrow.flatbuf.Bool.endBool(builder);
      case Utf8:
        org.apache.arrow.flatbuf.Utf8.startUtf8(builder);
        return org.apache.arrow.flatbuf.Utf8.endUtf8(builder);
      case Binary:
        org.apache.arrow.flatbuf.Binary.startBinary(builder);
        return org.apache.arrow.flatbuf.Binary.endBinary(builder);
      case List:
        org.apache.arrow.flatbuf.List.startList(builder);
        return org.apache.arrow.flatbuf.List.endList(builder);
      case Struct:
        org.apache.arrow.flatbuf.Struct_.startStruct_(builder);
        return org.apache.arrow.flatbuf.Struct_.endStruct_(builder);
      default:
        throw new IllegalStateException("No schema encoding for " + type);
    }
  }
}
