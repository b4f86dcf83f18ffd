package io.sparkconnect.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed bearer token, sent as {@code authorization: Bearer <token>} on every call; nothing to refresh. Chosen by
 * {@code token=...} in a connection string, {@link CredentialsProvider#bearer(String)}, or the name {@value #NAME}
 * with the option {@code token}. Immutable.
 */
public final class StaticTokenCredentials implements CredentialsProvider {
  public static final String NAME = "token";

  private final String authorization;

  /**
   * @throws IllegalArgumentException if the token is empty or has a character a header cannot carry
   */
  public StaticTokenCredentials(String token) {
    this.authorization = BearerTokens.header(Objects.requireNonNull(token, "token"), "the token");
  }

  @Override
  public String authorization() {
    return authorization;
  }

  @Override
  public String toString() {
    return "token=***";
  }

  /** Registers the credentials as {@value StaticTokenCredentials#NAME}, with the option {@code token}. */
  public static final class Factory implements CredentialsFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public CredentialsProvider create(Map<String, String> options) {
      return new StaticTokenCredentials(CredentialsOptions.required(NAME, options, "token", Set.of("token")));
    }
  }
}
