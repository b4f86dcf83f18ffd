package io.sparkconnect.transport.internal;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** Adds {@code authorization: Bearer <token>}, the header Spark 4.x servers check, to every call. */
public final class BearerTokenCredentials extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String headerValue;

  public BearerTokenCredentials(String token) {
    this.headerValue = "Bearer " + token;
  }

  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata metadata = new Metadata();
    metadata.put(AUTHORIZATION, headerValue);
    applier.apply(metadata);
  }

  @Override
  public String toString() {
    return "BearerTokenCredentials{***}";
  }
}
