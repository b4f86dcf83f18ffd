package io.sparkconnect.sql.internal;

import io.sparkconnect.arrow.ArrowChunk;
import io.sparkconnect.arrow.ResultDecoder;
import io.sparkconnect.proto.ExecutePlanRequest;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.proto.Plan;
import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.SQL;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, once per process and on a daemon thread, the classes a first query needs after its round trip, while the
 * first session connects: the protocol's request and response messages and the Arrow decoding path. It decodes a
 * one-row result in memory and touches no session; a failure here only costs the overlap. With one processor there
 * is nothing to overlap with, so it does not run.
 */
public final class StartupWarmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  /**
   * The Arrow IPC stream of one row holding the int 1 in a column named "1", as {@code ArrowEncoder} writes it
   * (StartupWarmupTest checks that it still does). A constant, because encoding would build Arrow's {@code Schema},
   * whose class loads Jackson (about 0.45 s) and which decoding no longer needs.
   */
  static final String ONE_ROW =
      "/////3gAAAAQAAAAAAAKAAwACgAJAAQACgAAABAAAAAAAQQACAAIAAAABAAIAAAABAAAAAEAAAAUAAAAEAAUABAADwAOAAgAAAAE"
      + "ABAAAAAQAAAAGAAAAAAAAgEcAAAAAAAAAAgADAAIAAcACAAAAAAAAAEgAAAAAQAAADEAAAD/////iAAAABQAAAAAAAAADAAWABQA"
      + "EwAMAAQADAAAABAAAAAAAAAAFAAAAAAAAAMEAAoAGAAMAAgABAAKAAAAFAAAADgAAAABAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAB"
      + "AAAAAAAAAAgAAAAAAAAABAAAAAAAAAAAAAAAAQAAAAEAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAEAAAAAAAAA/////wAAAAA=";

  private StartupWarmup() {}

  /** Starts the warm-up unless it has run in this process. */
  public static void start() {
    if (Runtime.getRuntime().availableProcessors() > 1 && STARTED.compareAndSet(false, true)) {
      Thread thread = new Thread(StartupWarmup::run, "spark-connect-startup-warmup");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Runs the warm-up on this thread; whether it went through (it never throws). */
  static boolean run() {
    try {
      ExecutePlanRequest request = ExecutePlanRequest.newBuilder().setSessionId("warmup")
          .setPlan(Plan.newBuilder().setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery("SELECT 1"))))
          .build();
      ExecutePlanRequest.parseFrom(request.toByteString());
      byte[] stream = Base64.getDecoder().decode(ONE_ROW);
      ExecutePlanResponse response = ExecutePlanResponse.parseFrom(ExecutePlanResponse.newBuilder()
          .setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder().setRowCount(1)
              .setData(com.google.protobuf.ByteString.copyFrom(stream)))
          .build().toByteString());
      try (ResultDecoder decoder = ResultDecoder.create(RowValues.INSTANCE, 1 << 20)) {
        decoder.expectFromArrow(arrow -> ResultFields.of(ArrowSchemaConverter.toSpark(arrow)));
        ExecutePlanResponse.ArrowBatch batch = response.getArrowBatch();
        decoder.add(ArrowChunk.whole(ByteBuffer.wrap(batch.getData().toByteArray()), batch.getRowCount()));
        decoder.finish();
        return decoder.rowsSoFar() == 1;
      }
    } catch (Exception | LinkageError e) {
      return false; // only an optimisation: the first query loads whatever did not load here
    }
  }
}
