package io.sparkconnect.sql;

import com.google.protobuf.ByteString;
import io.sparkconnect.proto.ExecutePlanResponse;
import io.sparkconnect.sql.internal.DataTypeConverter;
import io.sparkconnect.sql.types.StructType;

/** ExecutePlan responses for {@link ScriptedServer} scripts, without the ids the server stamps on them. */
final class Responses {
  private Responses() {}

  /** The response carrying only the result schema. */
  static ExecutePlanResponse schema(StructType schema) {
    return ExecutePlanResponse.newBuilder().setSchema(DataTypeConverter.toProto(schema)).build();
  }

  /** A whole Arrow batch as 3.5 servers send it: no start offset, no chunk fields. */
  static ExecutePlanResponse batch(byte[] ipc, long rows) {
    return ExecutePlanResponse.newBuilder().setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
        .setData(ByteString.copyFrom(ipc)).setRowCount(rows)).build();
  }

  /** A whole Arrow batch as 4.0 servers send it, with its start offset. */
  static ExecutePlanResponse batch(byte[] ipc, long rows, long startOffset) {
    return ExecutePlanResponse.newBuilder().setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
        .setData(ByteString.copyFrom(ipc)).setRowCount(rows).setStartOffset(startOffset)).build();
  }

  /** One chunk of an Arrow batch as 4.1+ servers send it. */
  static ExecutePlanResponse chunk(ByteString data, long rows, long startOffset, long index, long chunks) {
    return ExecutePlanResponse.newBuilder().setArrowBatch(ExecutePlanResponse.ArrowBatch.newBuilder()
        .setData(data).setRowCount(rows).setStartOffset(startOffset).setChunkIndex(index)
        .setNumChunksInBatch(chunks)).build();
  }

  /** The {@code ceil(length / size)} slices of {@code ipc} of {@code size} bytes, as a server cuts a batch. */
  static ByteString[] slices(byte[] ipc, int size) {
    ByteString[] slices = new ByteString[(ipc.length + size - 1) / size];
    for (int i = 0; i < slices.length; i++) {
      slices[i] = ByteString.copyFrom(ipc, i * size, Math.min(size, ipc.length - i * size));
    }
    return slices;
  }

  /** The response of execution metrics that ends a query's results. */
  static ExecutePlanResponse metrics() {
    return ExecutePlanResponse.newBuilder().setMetrics(ExecutePlanResponse.Metrics.getDefaultInstance()).build();
  }
}
