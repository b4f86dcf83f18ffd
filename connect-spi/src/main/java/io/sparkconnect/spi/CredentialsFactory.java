package io.sparkconnect.spi;

import java.util.Map;

/**
 * Makes a {@link CredentialsProvider} available by name through {@link java.util.ServiceLoader}: declare it with
 * {@code provides io.sparkconnect.spi.CredentialsFactory with ...} in {@code module-info} and in {@code
 * META-INF/services/io.sparkconnect.spi.CredentialsFactory}. Needs a public no-argument constructor and must not
 * throw from it.
 */
public interface CredentialsFactory {
  /** The name users choose the credentials by, such as {@code token-file}. */
  String name();

  /** Among factories of the same name, the highest priority wins; 0 to 10, default 5. */
  default int priority() {
    return 5;
  }

  /** Whether the credentials can be created here, for example because an optional dependency is present. */
  default boolean isAvailable() {
    return true;
  }

  /**
   * A provider configured by these options, such as {@code path} for {@code token-file}.
   *
   * @throws IllegalArgumentException naming an option that is missing, unknown or invalid
   */
  CredentialsProvider create(Map<String, String> options);
}
