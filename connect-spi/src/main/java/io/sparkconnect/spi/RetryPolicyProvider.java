package io.sparkconnect.spi;

/**
 * Makes a {@link RetryPolicy} available by name through {@link java.util.ServiceLoader}: declare it with {@code
 * provides io.sparkconnect.spi.RetryPolicyProvider with ...} in {@code module-info} and in {@code
 * META-INF/services/io.sparkconnect.spi.RetryPolicyProvider}. Needs a public no-argument constructor and must not
 * throw from it.
 */
public interface RetryPolicyProvider {
  /** The name users choose the policy by. */
  String name();

  /** Among providers of the same name, the highest priority wins; 0 to 10, default 5. */
  default int priority() {
    return 5;
  }

  /** Whether the policy can be created here, for example because an optional dependency is present. */
  default boolean isAvailable() {
    return true;
  }

  RetryPolicy create();
}
