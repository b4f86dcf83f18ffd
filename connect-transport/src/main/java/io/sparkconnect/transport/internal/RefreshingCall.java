package io.sparkconnect.transport.internal;

import io.grpc.Attributes;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.sparkconnect.spi.CredentialsProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * A call that is sent once more when the server refuses its credential ({@code UNAUTHENTICATED}) before answering
 * anything and the provider's {@link CredentialsProvider#refresh} says a fresh one is there. Until the first
 * answer it keeps what the caller did (headers, messages, flow-control requests, half-close) to replay on the new
 * call; the caller's listener sees one call. Used only for calls whose requests are all sent up front (unary and
 * server-streaming), so little is kept and only briefly. Thread-safe as {@link ClientCall} requires.
 */
final class RefreshingCall<Q, R> extends ClientCall<Q, R> {
  private final Channel next;
  private final MethodDescriptor<Q, R> method;
  private final CallOptions options;
  private final CredentialsProvider provider;
  private final Context context = Context.current();
  private final Object lock = new Object();
  private final List<Q> messages = new ArrayList<>();
  private ClientCall<Q, R> delegate;
  private Listener<R> listener;
  private Metadata headers;
  private int requested;
  private boolean halfClosed;
  private Boolean compression;
  private boolean cancelled;
  private boolean answered;
  private boolean refreshed;

  RefreshingCall(Channel next, MethodDescriptor<Q, R> method, CallOptions options, CredentialsProvider provider) {
    this.next = next;
    this.method = method;
    this.options = options;
    this.provider = provider;
  }

  @Override
  public void start(Listener<R> listener, Metadata headers) {
    synchronized (lock) {
      this.listener = listener;
      this.headers = copy(headers);
      startAttempt();
    }
  }

  @Override
  public void request(int count) {
    synchronized (lock) {
      requested += count;
      delegate.request(count);
    }
  }

  @Override
  public void sendMessage(Q message) {
    synchronized (lock) {
      if (!answered) {
        messages.add(message);
      }
      delegate.sendMessage(message);
    }
  }

  @Override
  public void halfClose() {
    synchronized (lock) {
      halfClosed = true;
      delegate.halfClose();
    }
  }

  @Override
  public void cancel(String message, Throwable cause) {
    synchronized (lock) {
      cancelled = true;
      if (delegate != null) {
        delegate.cancel(message, cause);
      }
    }
  }

  @Override
  public void setMessageCompression(boolean enabled) {
    synchronized (lock) {
      compression = enabled;
      delegate.setMessageCompression(enabled);
    }
  }

  @Override
  public boolean isReady() {
    synchronized (lock) {
      return delegate.isReady();
    }
  }

  @Override
  public Attributes getAttributes() {
    synchronized (lock) {
      return delegate.getAttributes();
    }
  }

  private void startAttempt() {
    SentAuthorization sent = new SentAuthorization();
    Context previous = context.attach();
    try {
      delegate = next.newCall(method, options.withOption(SentAuthorization.KEY, sent));
    } finally {
      context.detach(previous);
    }
    delegate.start(new Attempt(delegate, sent), copy(headers));
  }

  private void replay() {
    startAttempt();
    if (compression != null) {
      delegate.setMessageCompression(compression);
    }
    if (requested > 0) {
      delegate.request(requested);
    }
    messages.forEach(delegate::sendMessage);
    if (halfClosed) {
      delegate.halfClose();
    }
  }

  /** Whether a refusal of {@code sent} may be answered with a refresh: the first, before any answer. */
  private boolean mayRefresh(Status status, SentAuthorization sent) {
    synchronized (lock) {
      if (status.getCode() != Status.Code.UNAUTHENTICATED || answered || cancelled || refreshed
          || sent.value() == null) {
        return false;
      }
      refreshed = true;
      return true;
    }
  }

  private void answer() {
    synchronized (lock) {
      answered = true;
      messages.clear();
    }
  }

  private static Metadata copy(Metadata headers) {
    Metadata copy = new Metadata();
    copy.merge(headers);
    return copy;
  }

  /** Hears one attempt and passes what the caller should see to the caller's listener. */
  private final class Attempt extends Listener<R> {
    private final ClientCall<Q, R> call;
    private final SentAuthorization sent;

    Attempt(ClientCall<Q, R> call, SentAuthorization sent) {
      this.call = call;
      this.sent = sent;
    }

    @Override
    public void onHeaders(Metadata responseHeaders) {
      answer();
      listener.onHeaders(responseHeaders);
    }

    @Override
    public void onMessage(R message) {
      answer();
      listener.onMessage(message);
    }

    @Override
    public void onReady() {
      boolean current;
      synchronized (lock) {
        current = delegate == call;
      }
      if (current) {
        listener.onReady();
      }
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      Status outcome = status;
      if (mayRefresh(status, sent)) {
        boolean fresh;
        try {
          fresh = provider.refresh(sent.value());
        } catch (RuntimeException e) {
          fresh = false;
          outcome = status.augmentDescription("refreshing the credentials failed too: " + e.getMessage());
        }
        if (fresh) {
          synchronized (lock) {
            if (!cancelled) {
              replay();
              return;
            }
          }
        }
      }
      listener.onClose(outcome, trailers);
    }
  }
}
