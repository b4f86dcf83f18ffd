package io.sparkconnect.transport.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Base64;
import java.util.Map;

/** Sends a fixed set of headers on every call; {@code -bin} headers carry base64-encoded binary values. */
final class StaticHeadersInterceptor implements ClientInterceptor {
  private final Metadata headers = new Metadata();

  StaticHeadersInterceptor(Map<String, String> headers) {
    headers.forEach((name, value) -> {
      if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        byte[] bytes;
        try {
          bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("binary header '" + name + "' needs a base64 value", e);
        }
        this.headers.put(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER), bytes);
      } else {
        this.headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
      }
    });
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata metadata) {
        metadata.merge(headers);
        super.start(listener, metadata);
      }
    };
  }
}
