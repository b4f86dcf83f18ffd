package io.sparkconnect.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionStringTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "sc://localhost                        | localhost     | 15002",
      "sc://localhost/                       | localhost     | 15002",
      "sc://localhost:1234                   | localhost     | 1234",
      "sc://localhost:1234/                  | localhost     | 1234",
      "sc://localhost:1234/;                 | localhost     | 1234",
      "sc://10.1.2.3:15003/;use_ssl=false    | 10.1.2.3      | 15003",
      "sc://[::1]                            | ::1           | 15002",
      "sc://[::1]:7077/                      | ::1           | 7077",
      "sc://[2001:db8::ff00:42:8329]:9/;x=y  | 2001:db8::ff00:42:8329 | 9",
      "\"  sc://host.example.com:443  \"       | host.example.com | 443",
  })
  void parsesHostAndPort(String text, String host, int port) {
    ConnectionString parsed = ConnectionString.parse(text);
    assertEquals(host, parsed.host());
    assertEquals(port, parsed.port());
  }

  @Test
  void parsesEveryKnownOption() {
    UUID session = UUID.randomUUID();
    ConnectionString parsed = ConnectionString.parse("sc://h:1/;use_ssl=true;token=abc==;user_id=alice;"
        + "user_name=Alice%20Smith;session_id=" + session + ";user_agent=my-app;grpc_max_message_size=1048576;"
        + "x-trace=on;Other-Header=a%3Db%3Bc");
    assertEquals(Optional.of(true), parsed.useSsl());
    assertEquals(Optional.of("abc=="), parsed.token());
    assertEquals(Optional.of("alice"), parsed.userId());
    assertEquals(Optional.of("Alice Smith"), parsed.userName());
    assertEquals(Optional.of(session), parsed.sessionId());
    assertEquals(Optional.of("my-app"), parsed.userAgent());
    assertEquals(OptionalInt.of(1048576), parsed.grpcMaxMessageSize());
    assertEquals(Map.of("x-trace", "on", "other-header", "a=b;c"), parsed.headers());
  }

  @Test
  void keepsEqualsSignsInValues() {
    assertEquals(Optional.of("abc=="), ConnectionString.parse("sc://h/;token=abc==").token());
    assertEquals(Optional.of("=x="), ConnectionString.parse("sc://h/;token=%3Dx=").token());
    assertEquals("a=b", ConnectionString.parse("sc://h/;k=a=b").headers().get("k"));
  }

  @Test
  void emptyParametersDefaultToAbsent() {
    ConnectionString parsed = ConnectionString.parse("sc://h");
    assertTrue(parsed.useSsl().isEmpty());
    assertTrue(parsed.token().isEmpty());
    assertTrue(parsed.sessionId().isEmpty());
    assertTrue(parsed.headers().isEmpty());
    assertTrue(parsed.grpcMaxMessageSize().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "\"\"                                 | connection string is empty",
      "localhost:15002                    | has no scheme",
      "http://localhost:15002             | scheme 'http' is not supported",
      "SC://localhost                     | scheme 'SC' is not supported",
      "grpc://localhost                   | scheme 'grpc' is not supported",
      "sc://localhost:15002/path          | a path ('/path') is not allowed",
      "sc://localhost/a/;k=v              | a path ('/a/;...') is not allowed",
      "sc://localhost;token=x             | parameters must follow '/'",
      "sc://                              | host is empty",
      "sc://:15002                        | host is empty",
      "sc://[]:1                          | host is empty",
      "sc://host:                         | port '' is not a number",
      "sc://host:abc                      | port 'abc' is not a number",
      "sc://host:-1                       | port '-1' is not a number",
      "sc://host:0                        | port 0 is out of range",
      "sc://host:70000                    | port 70000 is out of range",
      "sc://host:123456                   | port '123456' is not a number",
      "sc://::1                           | put it in brackets",
      "sc://[::1                          | has no closing ']'",
      "sc://[::1]x                        | unexpected 'x' after IPv6 host",
      "sc://user@host                     | user information before the host",
      "sc://h/;session_id=not-a-uuid      | session_id='not-a-uuid' is not a UUID",
      "sc://h/;session_id=1-1-1-1-1       | session_id='1-1-1-1-1' is not a UUID",
      "sc://h/;token=a;token=b            | parameter 'token' is given twice",
      "sc://h/;x=1;x=2                    | parameter 'x' is given twice",
      "sc://h/;=value                     | has an empty key",
      "sc://h/;token                      | parameter 'token' has no value",
      "sc://h/;token=                     | 'token' is empty",
      "sc://h/;use_ssl=yes                | use_ssl='yes' is not a boolean",
      "sc://h/;grpc_max_message_size=-5   | grpc_max_message_size='-5' is not a positive number",
      "sc://h/;grpc_max_message_size=big  | grpc_max_message_size='big' is not a positive number",
      "sc://h/;max_result_rows=0          | max_result_rows='0' is not a positive whole number",
      "sc://h/;max_result_bytes=lots      | max_result_bytes='lots' is not a positive whole number",
      "sc://h/;use_sl=true                | did you mean 'use_ssl'?",
      "sc://h/;Token=x                    | did you mean 'token'?",
      "sc://h/;user-id=x                  | did you mean 'user_id'?",
      "sc://h/;bad key=x                  | nor a valid header name",
      "sc://h/;k=%zz                      | bad percent escape",
      "sc://h/;k=abc%4                    | bad percent escape",
  })
  void rejectsBadInputNamingTheProblem(String text, String expected) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ConnectionString.parse(text));
    assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    assertTrue(error.getMessage().contains("sc://host[:port]/;key=value"), error::getMessage);
  }

  @Test
  void readsResultLimits() {
    ConnectionString parsed = ConnectionString.parse("sc://h/;max_result_rows=10;max_result_bytes=4096");
    assertTrue(parsed.maxResultRows().getAsLong() == 10 && parsed.maxResultBytes().getAsLong() == 4096,
        parsed.toString());
    assertTrue(parsed.headers().isEmpty(), "limits are options, not headers: " + parsed.headers());
    assertTrue(ConnectionString.parse(parsed.toString()).equals(parsed), parsed.toString());
  }

  @Test
  void rejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> ConnectionString.parse(null));
  }

  @Test
  void toStringMasksTheToken() {
    ConnectionString parsed = ConnectionString.parse("sc://h:1/;token=s3cr3t-t0ken;user_id=bob");
    assertFalse(parsed.toString().contains("s3cr3t"), parsed.toString());
    assertEquals("sc://h:1/;token=***;user_id=bob", parsed.toString());
  }

  @Test
  void toStringMasksEveryHeaderValue() {
    ConnectionString parsed = ConnectionString.parse("sc://h:1/;x-api-key=k3y-s3cr3t;use_ssl=true");
    assertEquals("sc://h:1/;use_ssl=true;x-api-key=***", parsed.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sc//h:1/;token=s3cr3t                | has no scheme",
      "sc//alice:s3cr3t@h:1/                | ...@h:1/' has no scheme",
      "sc://h/path;token=s3cr3t             | a path ('/path;...') is not allowed",
      "sc://alice:s3cr3t@h/                 | user information before the host ('...@')",
      "sc://h/;=s3cr3t                      | has an empty key",
  })
  void errorsNeverQuoteParameterValuesOrPasswords(String text, String expected) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ConnectionString.parse(text));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
    assertFalse(error.getMessage().contains("s3cr3t"), error.getMessage());
  }

  @Test
  void toStringBracketsIpv6() {
    assertEquals("sc://[::1]:15002/", ConnectionString.parse("sc://[::1]").toString());
  }

  @Test
  void canonicalFormWithoutSecretsParsesBackToAnEqualValue() {
    ConnectionString parsed = ConnectionString.parse("sc://h:2/;use_ssl=false;user_id=u;retry_policy=none");
    assertEquals(parsed, ConnectionString.parse(parsed.toString()));
  }
}
