package io.sparkconnect.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow batches recorded from real Spark servers by connect-core's {@code ArrowPayloadRecorderIT}: the raw
 * {@code arrow_batch.data} of queries covering every Spark type, compressed ones from 4.1 included, each with the
 * row count the server announced. They live in {@code recorded/spark-<version>/}, listed in its {@code manifest.txt}.
 */
final class Recorded {
  private static final String ROOT = "/io/sparkconnect/arrow/recorded";
  private static final List<Payload> ALL = load();

  private Recorded() {}

  /** One recorded batch: the server version, the query, the batch's index in the result, its bytes and rows. */
  record Payload(String server, String query, int index, byte[] ipc, long rows) {
    @Override
    public String toString() {
      return server + "/" + query + "-" + index + " (" + ipc.length + " bytes, " + rows + " rows)";
    }

    /** The columns of the batch as a caller expects them: read by their Arrow types, variants as variants. */
    List<ResultField> fields() {
      Schema[] schema = new Schema[1];
      try (ResultDecoder decoder = ResultDecoder.create(new TestValues(), Long.MAX_VALUE)) {
        decoder.forEach(ArrowChunk.whole(ByteBuffer.wrap(ipc), rows), root -> schema[0] = root.getSchema());
      }
      List<ResultField> fields = new ArrayList<>();
      for (Field field : schema[0].getFields()) {
        fields.add(ResultField.of(field.getName(), isVariant(field) ? FieldKind.VARIANT : FieldKind.ANY, null,
            List.of()));
      }
      return fields;
    }
  }

  static List<Payload> all() {
    return ALL;
  }

  /** The payloads of one query on one server, in order. */
  static List<Payload> of(String server, String query) {
    List<Payload> found = ALL.stream().filter(p -> p.server().equals(server) && p.query().equals(query)).toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No recording of " + query + " on " + server);
    }
    return found;
  }

  /** The server directories, e.g. {@code spark-4.1.2}. */
  static List<String> servers() {
    return ALL.stream().map(Payload::server).distinct().toList();
  }

  private static boolean isVariant(Field field) {
    return field.getType() instanceof ArrowType.Struct && field.getChildren().size() == 2
        && field.getChildren().stream().map(Field::getName).sorted().toList().equals(List.of("metadata", "value"));
  }

  private static List<Payload> load() {
    URL root = Recorded.class.getResource(ROOT);
    if (root == null) {
      throw new IllegalStateException("No recorded Arrow payloads on the test class path at " + ROOT);
    }
    List<Payload> payloads = new ArrayList<>();
    try (Stream<Path> servers = Files.list(Path.of(root.toURI()))) {
      for (Path server : servers.sorted().toList()) {
        String name = server.getFileName().toString();
        for (String line : Files.readAllLines(server.resolve("manifest.txt"), StandardCharsets.UTF_8)) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] parts = line.split(" ");
          String file = parts[0];
          int dash = file.lastIndexOf('-');
          payloads.add(new Payload(name, file.substring(0, dash),
              Integer.parseInt(file.substring(dash + 1, file.length() - ".arrow".length())), read(name, file),
              Long.parseLong(parts[1])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(payloads);
  }

  private static byte[] read(String server, String file) throws IOException {
    try (InputStream in = Recorded.class.getResourceAsStream(ROOT + "/" + server + "/" + file)) {
      if (in == null) {
        throw new IllegalStateException("The manifest of " + server + " lists " + file + ", which is missing");
      }
      return in.readAllBytes();
    }
  }
}
