package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkconnect.sql.ConnectionException;
import io.sparkconnect.testkit.SparkConnectServer;
import io.sparkconnect.testkit.SparkVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SecureConnection} against a real 4.x server behind TLS that requires a token. */
class SecureConnectionIT {
  private static final String TOKEN = "example-token-5b7d";

  @TempDir
  Path dir;

  @Test
  void connectsWithTheCaAndTheTokenFile() throws Exception {
    String version = SparkVersions.matrix().stream().filter(v -> !v.startsWith("3.")).findFirst()
        .orElseThrow(() -> new IllegalStateException("tokens need a 4.x server in -Dspark.versions"));
    try (SparkConnectServer server = SparkConnectServer.builder().sparkVersion(version).token(TOKEN).tls()
        .start()) {
      String address = "sc://127.0.0.1:" + server.port();
      String ca = server.caCertificate().orElseThrow().toString();
      Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
      String out = ConsoleCapture.run(() -> SecureConnection.main(new String[] {address, ca, token.toString()}));
      assertEquals("Connected over TLS to Spark " + version + ", 1000 rows counted\n", out);

      Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-token\n");
      assertThrows(ConnectionException.class,
          () -> SecureConnection.main(new String[] {address, ca, wrong.toString()}));
    }
  }
}
