package io.sparkconnect.testkit.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The main class of a server child JVM: it stops the JVM when the parent process goes away (its standard input
 * reaches end-of-file), then runs the real main class. Self-contained, so its class file can be copied out and put
 * on a classpath of Spark's jars alone.
 */
public final class ParentWatchdog {
  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
    }
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent never writes; end-of-file means it is gone
        }
      } catch (IOException e) {
        // a broken pipe means the same
      }
      System.err.println("spark-connect-java test-kit: parent process is gone, stopping this server");
      Thread halt = new Thread(() -> {
        try {
          Thread.sleep(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(2);
      }, "parent-watchdog-halt");
      halt.setDaemon(true);
      halt.start();
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      Class.forName(args[0]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
