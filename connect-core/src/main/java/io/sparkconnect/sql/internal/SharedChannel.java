package io.sparkconnect.sql.internal;

import io.sparkconnect.transport.ConnectChannel;
import java.util.concurrent.atomic.AtomicInteger;

/** A channel shared by a session and the sessions derived from it; closed when the last of them closes. */
public final class SharedChannel {
  private final ConnectChannel channel;
  private final AtomicInteger users = new AtomicInteger(1);

  public SharedChannel(ConnectChannel channel) {
    this.channel = channel;
  }

  public ConnectChannel channel() {
    return channel;
  }

  /** Registers one more session on the channel. */
  public SharedChannel retain() {
    if (users.getAndIncrement() <= 0) {
      users.decrementAndGet();
      throw new io.sparkconnect.sql.SessionException("This session's connection is closed; create a new session with SparkSession.builder()");
    }
    return this;
  }

  public void release() {
    if (users.decrementAndGet() == 0) {
      channel.close();
    }
  }
}
