package io.sparkconnect.sql.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.sparkconnect.proto.AddArtifactsRequest;
import io.sparkconnect.proto.AddArtifactsResponse;
import io.sparkconnect.proto.SparkConnectServiceGrpc.SparkConnectServiceStub;
import java.util.Iterator;

/**
 * Sends one {@code AddArtifacts} stream, a request at a time as the transport is ready for it (so a large upload
 * holds about one chunk in memory), and waits for the server's one response.
 */
final class ArtifactUpload implements ClientResponseObserver<AddArtifactsRequest, AddArtifactsResponse> {
  private final Object ready = new Object();
  private ClientCallStreamObserver<AddArtifactsRequest> requests;
  private AddArtifactsResponse response;
  private Throwable failure;
  private boolean done;

  private ArtifactUpload() {}

  /** Streams {@code requests} and returns the response; a failed call throws its {@link StatusRuntimeException}. */
  static AddArtifactsResponse send(SparkConnectServiceStub stub, Iterator<AddArtifactsRequest> requests) {
    ArtifactUpload upload = new ArtifactUpload();
    stub.addArtifacts(upload);
    return upload.stream(requests);
  }

  private AddArtifactsResponse stream(Iterator<AddArtifactsRequest> source) {
    try {
      while (source.hasNext()) {
        synchronized (ready) {
          while (!requests.isReady() && !done) {
            ready.wait(100);
          }
          if (done) {
            break;
          }
        }
        requests.onNext(source.next());
      }
      synchronized (ready) {
        if (!done) {
          requests.onCompleted();
        }
        while (!done) {
          ready.wait();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      requests.cancel("interrupted", e);
      throw Status.CANCELLED.withDescription("The artifact upload was interrupted").withCause(e)
          .asRuntimeException();
    } catch (RuntimeException e) {
      requests.cancel("the client failed while sending artifacts", e);
      throw e;
    }
    synchronized (ready) {
      if (failure != null) {
        throw failure instanceof StatusRuntimeException ? (StatusRuntimeException) failure
            : Status.fromThrowable(failure).asRuntimeException();
      }
      if (response == null) {
        throw Status.INTERNAL.withDescription("The server ended AddArtifacts without a response")
            .asRuntimeException();
      }
      return response;
    }
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AddArtifactsRequest> stream) {
    this.requests = stream;
    stream.setOnReadyHandler(this::wake);
  }

  @Override
  public void onNext(AddArtifactsResponse value) {
    synchronized (ready) {
      response = value;
    }
  }

  @Override
  public void onError(Throwable error) {
    synchronized (ready) {
      failure = error;
      done = true;
      ready.notifyAll();
    }
  }

  @Override
  public void onCompleted() {
    synchronized (ready) {
      done = true;
      ready.notifyAll();
    }
  }

  private void wake() {
    synchronized (ready) {
      ready.notifyAll();
    }
  }
}
