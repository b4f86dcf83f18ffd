package io.sparkconnect.sql.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** The operation tags of each thread of a session, inherited by the threads it starts. */
public final class ThreadTags {
  private final InheritableThreadLocal<Set<String>> tags = new InheritableThreadLocal<>() {
    @Override
    protected Set<String> initialValue() {
      return Set.of();
    }
  };

  public Set<String> get() {
    return tags.get();
  }

  /**
   * Adds a tag for this thread's operations.
   *
   * @throws IllegalArgumentException if the tag is empty or contains a comma
   */
  public void add(String tag) {
    Objects.requireNonNull(tag, "tag");
    if (tag.isEmpty() || tag.contains(",")) {
      throw new IllegalArgumentException("A tag must be non-empty and contain no ',', got '" + tag + "'");
    }
    Set<String> current = new LinkedHashSet<>(tags.get());
    current.add(tag);
    tags.set(Collections.unmodifiableSet(current));
  }

  public void remove(String tag) {
    Set<String> current = new LinkedHashSet<>(tags.get());
    current.remove(tag);
    tags.set(Collections.unmodifiableSet(current));
  }

  public void clear() {
    tags.set(Set.of());
  }
}
