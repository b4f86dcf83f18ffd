package io.sparkconnect.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.sparkconnect.sql.Row;
import io.sparkconnect.sql.types.StructType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints rows as JSON Lines with Jackson: one object per row, keyed by column name. Numbers and booleans stay JSON
 * numbers and booleans (decimals in plain notation, NaN and infinities as strings), binary is base64, dates and
 * timestamps are ISO-8601 strings, map keys are the text {@code show()} prints for them.
 */
final class JsonFormatter implements OutputFormat.Formatter {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();

  @Override
  public void write(StructType schema, Iterator<Row> rows, PrintWriter out) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.setRootValueSeparator(null);
      while (rows.hasNext()) {
        value(json, rows.next());
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON failed", e);
    }
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Float number) {
      json.writeNumber(number.floatValue());
    } else if (value instanceof Double number) {
      json.writeNumber(number.doubleValue());
    } else if (value instanceof BigDecimal number) {
      json.writeNumber(number);
    } else if (value instanceof byte[] bytes) {
      json.writeBinary(bytes);
    } else if (value instanceof Row row) {
      json.writeStartObject();
      List<String> names = row.schema().fieldNames();
      for (int i = 0; i < row.size(); i++) {
        json.writeFieldName(names.get(i));
        value(json, row.get(i));
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        value(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(ValueText.of(entry.getKey()));
        value(json, entry.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeString(value.toString());
    }
  }
}
