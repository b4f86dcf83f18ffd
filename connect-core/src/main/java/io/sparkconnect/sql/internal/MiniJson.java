package io.sparkconnect.sql.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two flat JSON shapes in Spark's error metadata: an array of strings ({@code classes}) and an object of
 * string values ({@code messageParameters}). Anything else yields an empty result rather than an error, since the
 * metadata only enriches a message the user already gets.
 */
final class MiniJson {
  private final String text;
  private int pos;

  private MiniJson(String text) {
    this.text = text;
  }

  static List<String> stringArray(String json) {
    if (json == null) {
      return List.of();
    }
    MiniJson reader = new MiniJson(json);
    try {
      List<String> values = new ArrayList<>();
      reader.expect('[');
      if (reader.peek() == ']') {
        return values;
      }
      do {
        values.add(reader.string());
      } while (reader.comma());
      reader.expect(']');
      return values;
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  static Map<String, String> stringObject(String json) {
    if (json == null) {
      return Map.of();
    }
    MiniJson reader = new MiniJson(json);
    try {
      Map<String, String> values = new LinkedHashMap<>();
      reader.expect('{');
      if (reader.peek() == '}') {
        return values;
      }
      do {
        String key = reader.string();
        reader.expect(':');
        values.put(key, reader.peek() == '"' ? reader.string() : reader.bare());
      } while (reader.comma());
      reader.expect('}');
      return values;
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  private char peek() {
    skipSpace();
    if (pos >= text.length()) {
      throw new IllegalArgumentException("end of JSON");
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    pos++;
  }

  private boolean comma() {
    if (peek() == ',') {
      pos++;
      return true;
    }
    return false;
  }

  private String bare() {
    int start = pos;
    while (pos < text.length() && ",}] \n\t".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case 'n':
          out.append('\n');
          break;
        case 't':
          out.append('\t');
          break;
        case 'r':
          out.append('\r');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'u':
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
          break;
        default:
          out.append(escaped);
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
