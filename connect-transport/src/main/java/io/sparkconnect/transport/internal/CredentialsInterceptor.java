package io.sparkconnect.transport.internal;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.sparkconnect.spi.CredentialsProvider;

/**
 * Gives every call the provider's credentials (unless the caller chose others) and sends a unary or
 * server-streaming call the server refused for its credential once more after a refresh, see {@link
 * RefreshingCall}. Calls that stream requests are not sent again, as their requests are not kept.
 */
final class CredentialsInterceptor implements ClientInterceptor {
  private final CredentialsProvider provider;
  private final CallCredentials credentials;

  CredentialsInterceptor(CredentialsProvider provider, CallCredentials credentials) {
    this.provider = provider;
    this.credentials = credentials;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    CallOptions withCredentials = options.getCredentials() == null ? options.withCallCredentials(credentials)
        : options;
    MethodDescriptor.MethodType type = method.getType();
    if (type == MethodDescriptor.MethodType.UNARY || type == MethodDescriptor.MethodType.SERVER_STREAMING) {
      return new RefreshingCall<>(next, method, withCredentials, provider);
    }
    return next.newCall(method, withCredentials);
  }
}
