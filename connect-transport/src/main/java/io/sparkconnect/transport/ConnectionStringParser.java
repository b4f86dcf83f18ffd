package io.sparkconnect.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses the {@code sc://} grammar into a {@link ConnectionString}, rejecting bad input with a precise message. */
final class ConnectionStringParser {
  static final String EXPECTED_FORM = "sc://host[:port]/;key=value;...";

  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final Set<String> KNOWN_KEYS =
      Set.of(
          ConnectionString.USE_SSL,
          ConnectionString.TOKEN,
          ConnectionString.USER_ID,
          ConnectionString.USER_NAME,
          ConnectionString.SESSION_ID,
          ConnectionString.USER_AGENT,
          ConnectionString.GRPC_MAX_MESSAGE_SIZE,
          ConnectionString.RETRY_POLICY,
          ConnectionString.REATTACH_POLICY,
          ConnectionString.MAX_RESULT_ROWS,
          ConnectionString.MAX_RESULT_BYTES);

  private ConnectionStringParser() {}

  static ConnectionString parse(String input) {
    if (input == null || input.isBlank()) {
      throw invalid("connection string is empty");
    }
    String text = input.strip();
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      throw invalid("'" + beforeParameters(text) + "' has no scheme");
    }
    String scheme = text.substring(0, schemeEnd);
    if (!scheme.equals("sc")) {
      throw invalid("scheme '" + scheme + "' is not supported, only 'sc'");
    }
    String rest = text.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String tail = slash < 0 ? "" : rest.substring(slash + 1);
    if (authority.indexOf(';') >= 0) {
      throw invalid("parameters must follow '/' after the host and port");
    }
    if (authority.indexOf('@') >= 0) {
      throw invalid("user information before the host ('...@') is not supported; use user_id=... and token=...");
    }
    HostAndPort hostAndPort = parseAuthority(authority);
    if (!tail.isEmpty() && tail.charAt(0) != ';') {
      throw invalid("a path ('/" + beforeParameters(tail) + "') is not allowed; parameters start with ';'");
    }
    return parseParameters(hostAndPort, tail);
  }

  private static HostAndPort parseAuthority(String authority) {
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw invalid("IPv6 host '" + authority + "' has no closing ']'");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          throw invalid("unexpected '" + after + "' after IPv6 host; expected ':port'");
        }
        portText = after.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
        throw invalid("host '" + authority + "' looks like an IPv6 address; put it in brackets: sc://[::1]:15002");
      }
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw invalid("host is empty");
    }
    return new HostAndPort(host, portText == null ? ConnectionString.DEFAULT_PORT : parsePort(portText));
  }

  private static int parsePort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("port '" + text + "' is not a number between 1 and 65535");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw invalid("port " + port + " is out of range; expected 1 to 65535");
    }
    return port;
  }

  private static ConnectionString parseParameters(HostAndPort hostAndPort, String tail) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String segment : tail.split(";", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      int equals = segment.indexOf('=');
      if (equals < 0) {
        throw invalid("parameter '" + segment + "' has no value; expected key=value");
      }
      String key = decode(segment.substring(0, equals), "key '" + segment.substring(0, equals) + "'");
      String value = decode(segment.substring(equals + 1), "value of '" + key + "'");
      if (key.isEmpty()) {
        throw invalid("a parameter has an empty key ('=' right after ';'); expected key=value");
      }
      if (values.putIfAbsent(key, value) != null) {
        throw invalid("parameter '" + key + "' is given twice; give each key once");
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (!KNOWN_KEYS.contains(key)) {
            if (!HEADER_NAME.matcher(key).matches()) {
              throw invalid(
                  "'" + key + "' is neither a known option " + new java.util.TreeSet<>(KNOWN_KEYS)
                      + " nor a valid header name (letters, digits, '-', '_', '.')");
            }
            String nearMiss = nearMiss(key);
            if (nearMiss != null) {
              throw invalid("unknown parameter '" + key + "'; did you mean '" + nearMiss + "'?");
            }
            headers.put(key.toLowerCase(Locale.ROOT), value);
          }
        });
    return new ConnectionString(
        hostAndPort.host,
        hostAndPort.port,
        values.containsKey(ConnectionString.USE_SSL) ? parseBoolean(values.get(ConnectionString.USE_SSL)) : null,
        nonEmpty(values, ConnectionString.TOKEN),
        values.get(ConnectionString.USER_ID),
        values.get(ConnectionString.USER_NAME),
        values.containsKey(ConnectionString.SESSION_ID) ? parseUuid(values.get(ConnectionString.SESSION_ID)) : null,
        values.get(ConnectionString.USER_AGENT),
        values.containsKey(ConnectionString.GRPC_MAX_MESSAGE_SIZE)
            ? parseSize(values.get(ConnectionString.GRPC_MAX_MESSAGE_SIZE))
            : null,
        nonEmpty(values, ConnectionString.RETRY_POLICY),
        nonEmpty(values, ConnectionString.REATTACH_POLICY),
        positiveLong(values, ConnectionString.MAX_RESULT_ROWS),
        positiveLong(values, ConnectionString.MAX_RESULT_BYTES),
        headers);
  }

  private static String nonEmpty(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value != null && value.isEmpty()) {
      throw invalid("'" + key + "' is empty; give a value or leave the parameter out");
    }
    return value;
  }

  private static Long positiveLong(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      return null;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key + "='" + value + "' is not a positive whole number up to " + Long.MAX_VALUE);
  }

  private static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid("use_ssl='" + value + "' is not a boolean; expected true or false");
  }

  private static UUID parseUuid(String value) {
    if (!UUID_FORM.matcher(value).matches()) {
      throw invalid(
          "session_id='" + value + "' is not a UUID; expected the form 123e4567-e89b-12d3-a456-426614174000");
    }
    return UUID.fromString(value);
  }

  private static int parseSize(String value) {
    try {
      int size = Integer.parseInt(value);
      if (size > 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(
        "grpc_max_message_size='" + value + "' is not a positive number of bytes up to " + Integer.MAX_VALUE);
  }

  /** Returns the known key that {@code key} is probably a misspelling of, or null. */
  private static String nearMiss(String key) {
    String lower = key.toLowerCase(Locale.ROOT).replace('-', '_');
    for (String known : KNOWN_KEYS) {
      if (lower.equals(known) || editDistance(lower, known) <= 1) {
        return known;
      }
    }
    return null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String decode(String text, String what) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
          || Character.digit(text.charAt(i + 2), 16) < 0) {
        throw invalid(what + " has a bad percent escape; use %XX with two hex digits, e.g. %3B for ';'");
      }
      bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The text up to its first ';', without user information: both may hold secrets, so messages never quote them. */
  private static String beforeParameters(String text) {
    int semicolon = text.indexOf(';');
    String head = semicolon < 0 ? text : text.substring(0, semicolon) + ";...";
    int at = head.lastIndexOf('@');
    return at < 0 ? head : "...@" + head.substring(at + 1);
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException(
        "Invalid Spark Connect connection string: " + problem + ". Expected " + EXPECTED_FORM);
  }

  private static final class HostAndPort {
    final String host;
    final int port;

    HostAndPort(String host, int port) {
      this.host = host;
      this.port = port;
    }
  }
}
