package io.sparkconnect.sql.internal;

import com.google.protobuf.CodedInputStream;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code google.rpc.ErrorInfo} detail Spark attaches to error statuses, read straight from the {@code
 * grpc-status-details-bin} trailer so the client needs no extra protobuf classes.
 */
final class ErrorInfo {
  private static final Metadata.Key<byte[]> STATUS_DETAILS =
      Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
  private static final String ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";
  private static final String RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";

  final String reason;
  final String domain;
  final Map<String, String> metadata;
  /** The server's suggested retry delay in milliseconds, or -1. */
  final long retryDelayMillis;

  private ErrorInfo(String reason, String domain, Map<String, String> metadata, long retryDelayMillis) {
    this.reason = reason;
    this.domain = domain;
    this.metadata = metadata;
    this.retryDelayMillis = retryDelayMillis;
  }

  /** The error info of a failed call, or null when the status has none. */
  static ErrorInfo of(StatusRuntimeException error) {
    Metadata trailers = error.getTrailers();
    byte[] details = trailers == null ? null : trailers.get(STATUS_DETAILS);
    if (details == null) {
      return null;
    }
    try {
      return parseStatus(CodedInputStream.newInstance(details));
    } catch (IOException e) {
      return null;
    }
  }

  /** google.rpc.Status: code = 1, message = 2, details = 3 (repeated Any). */
  private static ErrorInfo parseStatus(CodedInputStream in) throws IOException {
    ErrorInfo found = null;
    long retryDelay = -1;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 == 3) {
        String[] typeUrl = new String[1];
        byte[] value = parseAny(CodedInputStream.newInstance(in.readByteArray()), typeUrl);
        if (ERROR_INFO_TYPE.equals(typeUrl[0]) && value != null) {
          found = parseErrorInfo(CodedInputStream.newInstance(value));
        } else if (RETRY_INFO_TYPE.equals(typeUrl[0]) && value != null) {
          retryDelay = parseRetryInfo(CodedInputStream.newInstance(value));
        }
      } else {
        in.skipField(tag);
      }
    }
    if (found == null) {
      return retryDelay < 0 ? null : new ErrorInfo(null, null, Map.of(), retryDelay);
    }
    return new ErrorInfo(found.reason, found.domain, found.metadata, retryDelay);
  }

  /** google.protobuf.Any: type_url = 1, value = 2. */
  private static byte[] parseAny(CodedInputStream in, String[] typeUrl) throws IOException {
    byte[] value = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1:
          typeUrl[0] = in.readStringRequireUtf8();
          break;
        case 2:
          value = in.readByteArray();
          break;
        default:
          in.skipField(tag);
      }
    }
    return value;
  }

  /** google.rpc.ErrorInfo: reason = 1, domain = 2, metadata = 3 (map entries key = 1, value = 2). */
  private static ErrorInfo parseErrorInfo(CodedInputStream in) throws IOException {
    String reason = null;
    String domain = null;
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1:
          reason = in.readStringRequireUtf8();
          break;
        case 2:
          domain = in.readStringRequireUtf8();
          break;
        case 3:
          CodedInputStream entry = CodedInputStream.newInstance(in.readByteArray());
          String key = "";
          String value = "";
          for (int t = entry.readTag(); t != 0; t = entry.readTag()) {
            if (t >>> 3 == 1) {
              key = entry.readStringRequireUtf8();
            } else if (t >>> 3 == 2) {
              value = entry.readStringRequireUtf8();
            } else {
              entry.skipField(t);
            }
          }
          metadata.put(key, value);
          break;
        default:
          in.skipField(tag);
      }
    }
    return new ErrorInfo(reason, domain, metadata, -1);
  }

  /** google.rpc.RetryInfo: retry_delay = 1 (google.protobuf.Duration: seconds = 1, nanos = 2). */
  private static long parseRetryInfo(CodedInputStream in) throws IOException {
    long millis = -1;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 == 1) {
        CodedInputStream duration = CodedInputStream.newInstance(in.readByteArray());
        long seconds = 0;
        int nanos = 0;
        for (int t = duration.readTag(); t != 0; t = duration.readTag()) {
          if (t >>> 3 == 1) {
            seconds = duration.readInt64();
          } else if (t >>> 3 == 2) {
            nanos = duration.readInt32();
          } else {
            duration.skipField(t);
          }
        }
        millis = seconds * 1000 + nanos / 1_000_000;
      } else {
        in.skipField(tag);
      }
    }
    return millis;
  }
}
