package io.sparkconnect.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Checks the options given to a {@link CredentialsFactory}: only known keys, required ones present. */
final class CredentialsOptions {
  private CredentialsOptions() {}

  /** The value of a required option, after checking that every given option is one of {@code known}. */
  static String required(String credentials, Map<String, String> options, String key, Set<String> known) {
    Objects.requireNonNull(options, "options");
    for (String given : options.keySet()) {
      if (!known.contains(given)) {
        throw new IllegalArgumentException("Credentials '" + credentials + "' have no option '" + given
            + "'; known options: " + new TreeSet<>(known));
      }
    }
    String value = options.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Credentials '" + credentials + "' need the option '" + key + "'");
    }
    return value;
  }
}
