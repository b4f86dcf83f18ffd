package io.sparkconnect.transport;

import java.util.Locale;

/** Recognises loopback hosts from their literal name, without resolving anything. */
final class Hosts {
  private Hosts() {}

  static boolean isLoopback(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals("localhost")
        || lower.endsWith(".localhost")
        || lower.equals("::1")
        || lower.equals("0:0:0:0:0:0:0:1")
        || (lower.startsWith("127.") && lower.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
  }
}
