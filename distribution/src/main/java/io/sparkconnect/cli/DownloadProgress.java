package io.sparkconnect.cli;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;

/**
 * Reports a download of server jars on standard error: jars done of the total and MiB received of the total, at
 * most one line a second while jars arrive, and always the line of the last one.
 */
final class DownloadProgress extends AbstractTransferListener {
  private static final long EVERY_NANOS = 1_000_000_000L;
  private static final double MIB = 1024.0 * 1024.0;

  private final int totalJars;
  private final long totalBytes;
  private final Consumer<String> out;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong lastLine = new AtomicLong(System.nanoTime());

  /**
   * @param totalJars how many jars are to be fetched
   * @param totalBytes their size in bytes, 0 when unknown
   */
  DownloadProgress(int totalJars, long totalBytes, Consumer<String> out) {
    this.totalJars = totalJars;
    this.totalBytes = totalBytes;
    this.out = out;
  }

  @Override
  public void transferProgressed(TransferEvent event) {
    if (isJar(event)) {
      bytes.addAndGet(event.getDataLength());
      report(false, "downloading " + name(event));
    }
  }

  @Override
  public void transferSucceeded(TransferEvent event) {
    if (isJar(event)) {
      report(done.incrementAndGet() == totalJars, name(event));
    }
  }

  @Override
  public void transferCorrupted(TransferEvent event) {
    if (isJar(event)) {
      bytes.addAndGet(-event.getTransferredBytes());
    }
    out.accept("  checksum mismatch for " + name(event) + " from " + event.getResource().getRepositoryUrl()
        + "; it is fetched again and refused if it still does not match");
  }

  @Override
  public void transferFailed(TransferEvent event) {
    if (isJar(event)) {
      bytes.addAndGet(-event.getTransferredBytes());
    }
  }

  private void report(boolean always, String what) {
    long now = System.nanoTime();
    long last = lastLine.get();
    if (always || (now - last >= EVERY_NANOS && lastLine.compareAndSet(last, now))) {
      out.accept(line(what));
    }
  }

  /** {@code [12/226 jars] 85.3 of 339.6 MiB  what}, without the total when it is not known. */
  String line(String what) {
    String size = totalBytes > 0 ? String.format("%.1f of %.1f MiB", bytes.get() / MIB, totalBytes / MIB)
        : String.format("%.1f MiB", bytes.get() / MIB);
    return String.format("  [%d/%d jars] %s  %s", done.get(), totalJars, size, what);
  }

  /** {@code " (339.6 MiB)"}, or nothing when the total is not known. */
  String size() {
    return totalBytes > 0 ? String.format(" (%.1f MiB)", totalBytes / MIB) : "";
  }

  private static boolean isJar(TransferEvent event) {
    return event.getResource().getResourceName().endsWith(".jar");
  }

  private static String name(TransferEvent event) {
    String resource = event.getResource().getResourceName();
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  int jarsDone() {
    return done.get();
  }

  long bytes() {
    return bytes.get();
  }
}
