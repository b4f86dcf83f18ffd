package io.sparkconnect.sql;

import io.sparkconnect.proto.CachedRemoteRelation;
import io.sparkconnect.proto.CheckpointCommand;
import io.sparkconnect.proto.Command;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.RemoveCachedRemoteRelationCommand;
import io.sparkconnect.sql.internal.Operations;
import java.lang.ref.Cleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code CheckpointCommand}s and releases what they leave on the server. A checkpoint answers with a {@code
 * CachedRemoteRelation}, an id under which the server's session keeps the checkpointed DataFrame. As Spark's own
 * clients do, the id is released ({@code RemoveCachedRemoteRelationCommand}) once no plan of this client refers to
 * it any more, found by the garbage collector; closing the session releases all of them at once on the server.
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  /**
   * One daemon thread for every session. It inherits no thread-locals, so a release carries none of the operation
   * tags of the thread that happened to start it.
   */
  private static final Cleaner CLEANER = Cleaner.create(task -> {
    Thread thread = new Thread(null, task, "spark-connect-checkpoint-release", 0, false);
    thread.setDaemon(true);
    return thread;
  });

  private Checkpoints() {}

  /**
   * Checkpoints {@code plan} on the server and returns a relation (without plan id) that reads the checkpointed
   * rows.
   *
   * @throws UnsupportedServerVersionException on a 3.5 server, which has no checkpoint command
   */
  static Relation.Builder run(SparkSession session, Relation plan, boolean local, boolean eager,
      StorageLevel storageLevel) {
    session.serverVersion().require(local ? "localCheckpoint()" : "checkpoint()", 4, 0,
        "Use cache() or persist(...) there to reuse computed rows, or write them out and read them back to cut "
            + "the lineage");
    ExecutePlanResponse response = session.operations().runCommand(command(plan, local, eager, storageLevel));
    if (!response.hasCheckpointCommandResult()) {
      throw new SparkConnectException("The server answered the checkpoint command with "
          + response.getResponseTypeCase() + " instead of a checkpoint_command_result");
    }
    CachedRemoteRelation cached = response.getCheckpointCommandResult().getRelation();
    // Plans built on the result share this very message object, so it stays reachable while any plan refers to it.
    CLEANER.register(cached, new Release(session.operations(), cached.getRelationId()));
    return Relation.newBuilder().setCachedRemoteRelation(cached);
  }

  /** The checkpoint command; package-private for the golden plan tests. */
  static Command command(Relation plan, boolean local, boolean eager, StorageLevel storageLevel) {
    CheckpointCommand.Builder checkpoint = CheckpointCommand.newBuilder().setRelation(plan).setLocal(local)
        .setEager(eager);
    if (storageLevel != null) {
      checkpoint.setStorageLevel(storageLevel.toProto());
    }
    return Command.newBuilder().setCheckpointCommand(checkpoint).build();
  }

  /** The command that drops a checkpoint's cached relation on the server. */
  static Command releaseCommand(String relationId) {
    return Command.newBuilder().setRemoveCachedRemoteRelationCommand(RemoveCachedRemoteRelationCommand.newBuilder()
        .setRelation(CachedRemoteRelation.newBuilder().setRelationId(relationId))).build();
  }

  /** Holds no reference to the relation or its DataFrames, only to the session's operations and the id. */
  private static final class Release implements Runnable {
    private final Operations operations;
    private final String relationId;

    Release(Operations operations, String relationId) {
      this.operations = operations;
      this.relationId = relationId;
    }

    @Override
    public void run() {
      try {
        operations.runCommand(releaseCommand(relationId));
        LOG.debug("Released checkpointed relation {} of session {}", relationId, operations.sessionId());
      } catch (RuntimeException e) {
        // A closed session has released it already; otherwise the server drops it when the session ends.
        LOG.debug("Could not release checkpointed relation {} of session {}: {}", relationId,
            operations.sessionId(), e.toString());
      }
    }
  }
}
