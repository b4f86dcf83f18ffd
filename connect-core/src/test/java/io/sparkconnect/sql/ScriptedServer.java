package io.sparkconnect.sql;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.sparkconnect.proto.AnalyzePlanRequest;
import io.sparkconnect.proto.AnalyzePlanResponse;
import io.sparkconnect.proto.ConfigRequest;
import io.sparkconnect.proto.ConfigResponse;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.KeyValue;
import io.sparkconnect.proto.ReattachExecuteRequest;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.ReleaseExecuteRequest;
import io.sparkconnect.proto.ReleaseExecuteResponse;
import io.sparkconnect.proto.ReleaseSessionRequest;
import io.sparkconnect.proto.ReleaseSessionResponse;
import io.sparkconnect.proto.SQL;
import io.sparkconnect.proto.SparkConnectServiceGrpc;
import io.sparkconnect.proto.SqlCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Spark Connect server on loopback that answers each query (an ExecutePlan of a relation) with the responses a
 * test scripted for it, in order, to produce what no real server sends on demand. It answers SQL commands as a 4.x
 * server does for queries (a {@code sql_command_result} of the statement), Config and AnalyzePlan's version just
 * enough for a session, and stamps every response with the session, operation and response ids. A query with no
 * script left fails with {@code FAILED_PRECONDITION}.
 */
public final class ScriptedServer implements AutoCloseable {
  private final String serverSessionId = UUID.randomUUID().toString();
  private final Queue<Script> scripts = new ConcurrentLinkedQueue<>();
  private final List<ExecutePlanRequest> queries = new CopyOnWriteArrayList<>();
  private volatile String sparkVersion = "4.1.2";
  private final Server server;

  /** What the server does for one query. */
  private record Script(List<ExecutePlanResponse> responses, StatusRuntimeException error) {}

  private ScriptedServer() {
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .maxInboundMessageSize(128 * 1024 * 1024)
          .addService(new Service())
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server listening on a free port of 127.0.0.1. */
  public static ScriptedServer start() {
    return new ScriptedServer();
  }

  /**
   * The next query is answered with {@code responses}, then {@code result_complete} if the client asked for a
   * reattachable execution, and completes.
   */
  public ScriptedServer onExecute(ExecutePlanResponse... responses) {
    scripts.add(new Script(List.of(responses), null));
    return this;
  }

  /** The next query is answered with {@code before}, then fails with {@code error}. */
  public ScriptedServer onExecuteFailing(StatusRuntimeException error, ExecutePlanResponse... before) {
    scripts.add(new Script(List.of(before), error));
    return this;
  }

  /** The version AnalyzePlan reports (4.1.2 unless set). */
  public ScriptedServer sparkVersion(String version) {
    this.sparkVersion = version;
    return this;
  }

  /** The ExecutePlan requests of the queries received so far, SQL commands excluded. */
  public List<ExecutePlanRequest> queries() {
    return List.copyOf(queries);
  }

  public String connectionString() {
    return "sc://127.0.0.1:" + server.getPort();
  }

  /** A session connected to this server that never retries. */
  public SparkSession newSession() {
    return SparkSession.builder().remote(connectionString()).retryPolicy("none").build();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Service extends SparkConnectServiceGrpc.SparkConnectServiceImplBase {
    @Override
    public void executePlan(ExecutePlanRequest request, StreamObserver<ExecutePlanResponse> out) {
      boolean reattachable = request.getRequestOptionsList().stream()
          .anyMatch(option -> option.hasReattachOptions() && option.getReattachOptions().getReattachable());
      if (request.getPlan().hasCommand()) {
        if (request.getPlan().getCommand().hasSqlCommand()) {
          SqlCommand command = request.getPlan().getCommand().getSqlCommand();
          String sql = command.hasInput() ? command.getInput().getSql().getQuery() : command.getSql();
          out.onNext(stamp(request, ExecutePlanResponse.newBuilder().setSqlCommandResult(
              ExecutePlanResponse.SqlCommandResult.newBuilder()
                  .setRelation(Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql))))));
        }
        complete(request, reattachable, out);
        return;
      }
      queries.add(request);
      Script script = scripts.poll();
      if (script == null) {
        out.onError(Status.FAILED_PRECONDITION.withDescription("The scripted server has no responses left for "
            + "this query; script it with onExecute(...)").asRuntimeException());
        return;
      }
      for (ExecutePlanResponse response : script.responses()) {
        out.onNext(stamp(request, response.toBuilder()));
      }
      if (script.error() != null) {
        out.onError(script.error());
        return;
      }
      complete(request, reattachable, out);
    }

    private void complete(ExecutePlanRequest request, boolean reattachable,
        StreamObserver<ExecutePlanResponse> out) {
      if (reattachable) {
        out.onNext(stamp(request, ExecutePlanResponse.newBuilder()
            .setResultComplete(ExecutePlanResponse.ResultComplete.getDefaultInstance())));
      }
      out.onCompleted();
    }

    private ExecutePlanResponse stamp(ExecutePlanRequest request, ExecutePlanResponse.Builder response) {
      return response.setSessionId(request.getSessionId()).setServerSideSessionId(serverSessionId)
          .setOperationId(request.getOperationId()).setResponseId(UUID.randomUUID().toString()).build();
    }

    @Override
    public void reattachExecute(ReattachExecuteRequest request, StreamObserver<ExecutePlanResponse> out) {
      out.onError(Status.UNIMPLEMENTED.withDescription("The scripted server does not resume executions")
          .asRuntimeException());
    }

    @Override
    public void releaseExecute(ReleaseExecuteRequest request, StreamObserver<ReleaseExecuteResponse> out) {
      out.onNext(ReleaseExecuteResponse.newBuilder().setSessionId(request.getSessionId())
          .setServerSideSessionId(serverSessionId).setOperationId(request.getOperationId()).build());
      out.onCompleted();
    }

    @Override
    public void releaseSession(ReleaseSessionRequest request, StreamObserver<ReleaseSessionResponse> out) {
      out.onNext(ReleaseSessionResponse.newBuilder().setSessionId(request.getSessionId())
          .setServerSideSessionId(serverSessionId).build());
      out.onCompleted();
    }

    @Override
    public void analyzePlan(AnalyzePlanRequest request, StreamObserver<AnalyzePlanResponse> out) {
      AnalyzePlanResponse.Builder response = AnalyzePlanResponse.newBuilder().setSessionId(request.getSessionId())
          .setServerSideSessionId(serverSessionId);
      if (!request.hasSparkVersion()) {
        out.onError(Status.UNIMPLEMENTED.withDescription("The scripted server answers only spark_version")
            .asRuntimeException());
        return;
      }
      response.setSparkVersion(AnalyzePlanResponse.SparkVersion.newBuilder().setVersion(sparkVersion));
      out.onNext(response.build());
      out.onCompleted();
    }

    @Override
    public void config(ConfigRequest request, StreamObserver<ConfigResponse> out) {
      ConfigResponse.Builder response = ConfigResponse.newBuilder().setSessionId(request.getSessionId())
          .setServerSideSessionId(serverSessionId);
      List<String> keys = new ArrayList<>();
      ConfigRequest.Operation operation = request.getOperation();
      if (operation.hasGet()) {
        keys.addAll(operation.getGet().getKeysList());
      } else if (operation.hasGetOption()) {
        keys.addAll(operation.getGetOption().getKeysList());
      } else if (operation.hasGetWithDefault()) {
        operation.getGetWithDefault().getPairsList().forEach(pair -> response.addPairs(pair));
      }
      keys.forEach(key -> response.addPairs(KeyValue.newBuilder().setKey(key)));
      out.onNext(response.build());
      out.onCompleted();
    }
  }
}
