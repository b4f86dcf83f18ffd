package io.sparkconnect.transport.internal;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;

/** The {@code authorization} value one attempt of a call carried, so that a refusal can name what was refused. */
final class SentAuthorization {
  static final CallOptions.Key<SentAuthorization> KEY = CallOptions.Key.create("sparkconnect.sentAuthorization");

  private volatile String value;

  /** The holder the call of this request carries, or null. */
  static SentAuthorization of(CallCredentials.RequestInfo request) {
    try {
      return request.getCallOptions().getOption(KEY);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  void record(String sent) {
    value = sent;
  }

  /** The value sent, or null if none was (the provider failed, or the call never got that far). */
  String value() {
    return value;
  }
}
