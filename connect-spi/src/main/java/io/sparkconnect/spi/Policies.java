package io.sparkconnect.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds retry and reattach policies by name among the providers {@link ServiceLoader} sees: the highest priority
 * first, then the class name, so the choice is deterministic.
 */
public final class Policies {
  private Policies() {}

  /**
   * The retry policy with this name.
   *
   * @throws IllegalArgumentException listing the names that can be found
   */
  public static RetryPolicy retryPolicy(String name) {
    return retryPolicy(name, Policies.class.getClassLoader());
  }

  public static RetryPolicy retryPolicy(String name, ClassLoader loader) {
    return find("retry policy", name, ServiceLoader.load(RetryPolicyProvider.class, loader),
        RetryPolicyProvider::name, RetryPolicyProvider::priority, RetryPolicyProvider::isAvailable)
        .create();
  }

  /**
   * The reattach policy with this name.
   *
   * @throws IllegalArgumentException listing the names that can be found
   */
  public static ReattachPolicy reattachPolicy(String name) {
    return reattachPolicy(name, Policies.class.getClassLoader());
  }

  public static ReattachPolicy reattachPolicy(String name, ClassLoader loader) {
    return find("reattach policy", name, ServiceLoader.load(ReattachPolicyProvider.class, loader),
        ReattachPolicyProvider::name, ReattachPolicyProvider::priority, ReattachPolicyProvider::isAvailable)
        .create();
  }

  /** The names of the retry policies that can be found. */
  public static List<String> retryPolicyNames() {
    return names(ServiceLoader.load(RetryPolicyProvider.class, Policies.class.getClassLoader()),
        RetryPolicyProvider::name, RetryPolicyProvider::isAvailable);
  }

  public static List<String> reattachPolicyNames() {
    return names(ServiceLoader.load(ReattachPolicyProvider.class, Policies.class.getClassLoader()),
        ReattachPolicyProvider::name, ReattachPolicyProvider::isAvailable);
  }

  /** The available provider of this name with the highest priority; {@code kind} names what it provides. */
  static <P> P find(String kind, String name, ServiceLoader<P> loader, Function<P, String> nameOf,
      java.util.function.ToIntFunction<P> priorityOf, java.util.function.Predicate<P> available) {
    Objects.requireNonNull(name, kind + " name");
    List<P> matches = new ArrayList<>();
    for (P provider : loader) {
      if (name.equals(nameOf.apply(provider)) && available.test(provider)) {
        matches.add(provider);
      }
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("No " + kind + " named '" + name + "'; available: "
          + names(loader, nameOf, available) + ". Add the jar that provides it to the class or module path.");
    }
    matches.sort(Comparator.comparingInt(priorityOf).reversed()
        .thenComparing(p -> p.getClass().getName()));
    return matches.get(0);
  }

  static <P> List<String> names(ServiceLoader<P> loader, Function<P, String> nameOf,
      java.util.function.Predicate<P> available) {
    TreeSet<String> names = new TreeSet<>();
    for (P provider : loader) {
      if (available.test(provider)) {
        names.add(nameOf.apply(provider));
      }
    }
    return new ArrayList<>(names);
  }
}
