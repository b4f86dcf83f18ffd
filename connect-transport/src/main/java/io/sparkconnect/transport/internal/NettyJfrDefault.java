package io.sparkconnect.transport.internal;

import java.util.Properties;

/**
 * Turns Netty's JFR events off unless the application chose: with them on, Netty's pooled allocator registers its
 * event classes with JFR on its first allocation, which cost about 0.2 s of a cold {@code SELECT 1} whether or not
 * a recording runs. Takes effect only if Netty's {@code PlatformDependent} has not been initialised yet.
 */
final class NettyJfrDefault {
  static final String PROPERTY = "io.netty.jfr.enabled";

  private NettyJfrDefault() {}

  /** Sets {@value #PROPERTY} to false in the properties unless they already give it a value. */
  static void apply(Properties properties) {
    if (properties.getProperty(PROPERTY) == null) {
      properties.setProperty(PROPERTY, "false");
    }
  }
}
