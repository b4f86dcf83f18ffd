package io.sparkconnect.cli;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;

/**
 * Reports a download of server jars on standard error: the jars done of the total and the bytes received, one
 * line per finished jar and at most one line every two seconds while a large jar is under way.
 */
final class DownloadProgress extends AbstractTransferListener {
  private static final long EVERY_NANOS = 2_000_000_000L;

  private final int total;
  private final Consumer<String> out;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong lastLine = new AtomicLong(System.nanoTime());

  DownloadProgress(int total, Consumer<String> out) {
    this.total = total;
    this.out = out;
  }

  @Override
  public void transferProgressed(TransferEvent event) {
    bytes.addAndGet(event.getDataLength());
    long now = System.nanoTime();
    long last = lastLine.get();
    if (now - last >= EVERY_NANOS && lastLine.compareAndSet(last, now)) {
      out.accept(line("downloading " + name(event)));
    }
  }

  @Override
  public void transferSucceeded(TransferEvent event) {
    if (!event.getResource().getResourceName().endsWith(".jar")) {
      return;
    }
    done.incrementAndGet();
    lastLine.set(System.nanoTime());
    out.accept(line(name(event)));
  }

  @Override
  public void transferCorrupted(TransferEvent event) {
    out.accept("  checksum mismatch for " + name(event) + " from " + event.getResource().getRepositoryUrl()
        + "; it is fetched again and refused if it still does not match");
  }

  private String line(String what) {
    return String.format("  [%d/%d jars, %.1f MiB] %s", done.get(), total, bytes.get() / 1048576.0, what);
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
