package io.sparkconnect.transport.internal;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.sparkconnect.spi.CredentialsException;
import io.sparkconnect.spi.CredentialsProvider;
import java.util.concurrent.Executor;

/**
 * Adds the {@code authorization} header a {@link CredentialsProvider} gives to each call, asking the provider off
 * the network threads. A provider that fails, or gives a value no header can carry, fails the call with {@code
 * UNAUTHENTICATED} whose cause is a {@link CredentialsException}, before anything is sent.
 */
public final class ProviderCallCredentials extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final CredentialsProvider provider;

  public ProviderCallCredentials(CredentialsProvider provider) {
    this.provider = provider;
  }

  @Override
  public void applyRequestMetadata(RequestInfo request, Executor appExecutor, MetadataApplier applier) {
    SentAuthorization sent = SentAuthorization.of(request);
    appExecutor.execute(() -> {
      String value;
      try {
        value = checked(provider.authorization());
      } catch (RuntimeException e) {
        CredentialsException failure = e instanceof CredentialsException ? (CredentialsException) e
            : new CredentialsException("The credentials provider " + provider.getClass().getName() + " failed: "
                + e, e);
        applier.fail(Status.UNAUTHENTICATED.withDescription(failure.getMessage()).withCause(failure));
        return;
      }
      if (sent != null) {
        sent.record(value);
      }
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, value);
      applier.apply(headers);
    });
  }

  private String checked(String value) {
    if (value == null || value.isEmpty()) {
      throw new CredentialsException("The credentials provider " + provider.getClass().getName()
          + " gave no authorization value; it must return one such as \"Bearer <token>\" or throw");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new CredentialsException("The credentials provider " + provider.getClass().getName()
            + " gave an authorization value with a line break or non-ASCII character at position " + (i + 1)
            + ", which no header can carry; strip the value it reads");
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return "ProviderCallCredentials{***}";
  }
}
