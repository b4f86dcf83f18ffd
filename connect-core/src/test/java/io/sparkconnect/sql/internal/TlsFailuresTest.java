package io.sparkconnect.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.netty.handler.ssl.NotSslRecordException;
import io.sparkconnect.spi.DefaultRetryPolicy;
import io.sparkconnect.spi.DefaultReattachPolicy;
import io.sparkconnect.spi.Failure;
import io.sparkconnect.spi.Policies;
import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.sql.SparkConnectException;
import java.net.ConnectException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** TLS failures become non-retriable failures and a ConnectionException that says what to change. */
class TlsFailuresTest {
  private static final String PIPELINE = "io exception\nChannel Pipeline: [SslHandler#0, "
      + "ProtocolNegotiators$ClientTlsHandler#0, WriteBufferingAndExceptionHandler#0]";

  private static StatusRuntimeException unavailable(String description, Throwable cause) {
    return Status.UNAVAILABLE.withDescription(description).withCause(cause).asRuntimeException();
  }

  private static void assertNotRetried(StatusRuntimeException error) {
    Failure failure = Failures.of(error);
    assertEquals(Failure.TLS_HANDSHAKE_FAILED, failure.statusCode(), failure::toString);
    assertFalse(DefaultRetryPolicy.isRetriable(failure), failure::toString);
    assertFalse(new DefaultReattachPolicy().shouldReattach(failure, 0), failure::toString);
    for (String policy : new String[] {"default", "fail-fast"}) {
      assertFalse(Policies.retryPolicy(policy).decide(failure, 0, Duration.ZERO).shouldRetry(), policy);
    }
    assertFalse(failure.message().contains("Pipeline"), failure::toString);
  }

  private static ConnectionException converted(StatusRuntimeException error) {
    SparkConnectException converted = ErrorConverter.convert(error, "db.example:443", id -> null);
    ConnectionException connection = assertInstanceOf(ConnectionException.class, converted);
    assertFalse(connection.isRetryable(), connection.getMessage());
    assertTrue(connection.getMessage().startsWith("Cannot open a TLS connection to the Spark Connect server at "
        + "db.example:443: "), connection.getMessage());
    assertFalse(connection.getMessage().contains("Pipeline"), connection.getMessage());
    assertFalse(connection.getMessage().contains("io.netty"), connection.getMessage());
    return connection;
  }

  @Test
  void aPlaintextServerIsNamed() {
    StatusRuntimeException error = unavailable(PIPELINE, new NotSslRecordException("not an SSL/TLS record: 0000"));
    assertNotRetried(error);
    assertTrue(converted(error).getMessage().contains("answered in plaintext, not TLS. Connect without TLS "
        + "(use_ssl=false"), converted(error).getMessage());
  }

  @Test
  void noHttp2InAlpnIsNamedFromGrpcsDescriptionAndFromTheServersAlert() {
    StatusRuntimeException grpc = unavailable("Failed ALPN negotiation: Unable to find compatible protocol\n"
        + "Channel Pipeline: [SslHandler#0]", null);
    StatusRuntimeException alert = unavailable(PIPELINE,
        new SSLHandshakeException("Received fatal alert: no_application_protocol"));
    for (StatusRuntimeException error : new StatusRuntimeException[] {grpc, alert}) {
      assertNotRetried(error);
      assertTrue(converted(error).getMessage().contains("HTTP/2 (ALPN \"h2\")"), converted(error).getMessage());
    }
  }

  @Test
  void aRefusedClientCertificateIsNamed() {
    for (String alert : new String[] {"Received fatal alert: certificate_required",
        "error:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED",
        "Received fatal alert: bad_certificate"}) {
      StatusRuntimeException error = unavailable("ssl exception", new SSLHandshakeException(alert));
      assertNotRetried(error);
      assertTrue(converted(error).getMessage().contains("refused the client's certificate"), alert);
    }
  }

  @Test
  void otherConnectionFailuresAreStillRetried() {
    StatusRuntimeException refused = unavailable("io exception", new ConnectException("Connection refused"));
    StatusRuntimeException closed = unavailable(PIPELINE,
        new SSLHandshakeException("Remote host terminated the handshake"));
    for (StatusRuntimeException error : new StatusRuntimeException[] {refused, closed}) {
      assertEquals("UNAVAILABLE", Failures.of(error).statusCode());
      assertTrue(DefaultRetryPolicy.isRetriable(Failures.of(error)));
      SparkConnectException converted = ErrorConverter.convert(error, "db.example:443", id -> null);
      assertTrue(converted.getMessage().startsWith("Cannot reach"), converted.getMessage());
      assertTrue(converted.isRetryable());
    }
  }
}
