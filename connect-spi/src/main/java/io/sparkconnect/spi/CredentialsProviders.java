package io.sparkconnect.spi;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds credentials by name among the {@link CredentialsFactory}s {@link ServiceLoader} sees, the highest priority
 * first: {@value StaticTokenCredentials#NAME} and {@value TokenFileCredentials#NAME} are built in.
 */
public final class CredentialsProviders {
  private CredentialsProviders() {}

  /**
   * The credentials of this name, configured by the options, such as {@code byName("token-file",
   * Map.of("path", "/var/run/secrets/spark/token"))}.
   *
   * @throws IllegalArgumentException listing the names that can be found, or naming a bad option
   */
  public static CredentialsProvider byName(String name, Map<String, String> options) {
    return byName(name, options, CredentialsProviders.class.getClassLoader());
  }

  public static CredentialsProvider byName(String name, Map<String, String> options, ClassLoader loader) {
    return Policies.find("credentials provider", name, ServiceLoader.load(CredentialsFactory.class, loader),
        CredentialsFactory::name, CredentialsFactory::priority, CredentialsFactory::isAvailable)
        .create(Map.copyOf(options));
  }

  /** The names of the credentials that can be found. */
  public static List<String> names() {
    return Policies.names(ServiceLoader.load(CredentialsFactory.class, CredentialsProviders.class.getClassLoader()),
        CredentialsFactory::name, CredentialsFactory::isAvailable);
  }
}
