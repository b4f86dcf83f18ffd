package io.sparkconnect.spi;

import java.nio.file.Path;

/**
 * Supplies the {@code authorization} header of each call, such as {@code Bearer <token>}, and renews it when the
 * server refuses it: expiring OAuth or OIDC tokens, tokens rotated in a file, or a fixed token. Implementations
 * are thread-safe, and their {@code toString()} never reveals the credential.
 *
 * <p>A call the server refuses with {@code UNAUTHENTICATED} before answering anything makes the client call
 * {@link #refresh} once; when it returns true the call is sent once more with the new {@link #authorization()},
 * otherwise (or if that fails too) the call fails.
 */
public interface CredentialsProvider {
  /**
   * The value of the {@code authorization} header for the next call. Called for every call and every retry, from
   * many threads at once, off the network threads, so it may block briefly; cache what is expensive to get.
   *
   * @throws CredentialsException if no credential can be had; the call fails with its message
   */
  String authorization();

  /**
   * The server refused {@code rejected}, a value {@link #authorization()} returned: get a fresh credential if there
   * is one. Called at most once per call.
   *
   * @return whether {@link #authorization()} now returns something else, so the call is worth sending again; the
   *     default, for credentials that cannot change, is false
   */
  default boolean refresh(String rejected) {
    return false;
  }

  /** A fixed bearer token, sent as {@code Bearer <token>}; what {@code token=} in a connection string sets. */
  static CredentialsProvider bearer(String token) {
    return new StaticTokenCredentials(token);
  }

  /** A bearer token read from a file and read again when the file changes; see {@link TokenFileCredentials}. */
  static CredentialsProvider tokenFile(Path file) {
    return TokenFileCredentials.builder(file).build();
  }
}
