package io.sparkconnect.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A server JVM must not outlive its parent: closing its standard input stops it. */
class ParentWatchdogTest {

  /** Stands in for a server main that never returns. */
  public static final class SleepForever {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("started");
      System.out.flush();
      Thread.sleep(TimeUnit.MINUTES.toMillis(10));
    }
  }

  @Test
  void childExitsWhenItsStandardInputCloses() throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        ParentWatchdog.class.getName(), SleepForever.class.getName()))
        .redirectErrorStream(true)
        .start();
    try {
      byte[] firstLine = child.getInputStream().readNBytes("started".length());
      assertEquals("started", new String(firstLine));
      assertTrue(child.isAlive());
      child.getOutputStream().close();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child should exit once its parent's pipe closes");
      assertEquals(0, child.exitValue());
    } finally {
      child.destroyForcibly();
    }
  }
}
