package io.sparkconnect.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials found by name, their options checked, and the static token's rules. */
class CredentialsProvidersTest {

  /** A third-party provider found through a services file. */
  public static final class VaultFactory implements CredentialsFactory {
    @Override
    public String name() {
      return "vault";
    }

    @Override
    public CredentialsProvider create(Map<String, String> options) {
      return () -> "Bearer from-" + options.get("role");
    }
  }

  @Test
  void builtInsAreFoundByName(@TempDir Path dir) throws IOException {
    assertEquals(List.of("token", "token-file"), CredentialsProviders.names());
    CredentialsProvider token = CredentialsProviders.byName("token", Map.of("token", "t0k"));
    assertInstanceOf(StaticTokenCredentials.class, token);
    assertEquals("Bearer t0k", token.authorization());
    Path file = Files.writeString(dir.resolve("token"), "from-file");
    CredentialsProvider fromFile = CredentialsProviders.byName("token-file", Map.of("path", file.toString()));
    assertInstanceOf(TokenFileCredentials.class, fromFile);
    assertEquals("Bearer from-file", fromFile.authorization());
  }

  @Test
  void unknownNamesAndOptionsAreNamed() {
    assertEquals("No credentials provider named 'oauth'; available: [token, token-file]. Add the jar that "
        + "provides it to the class or module path.",
        assertThrows(IllegalArgumentException.class, () -> CredentialsProviders.byName("oauth", Map.of()))
            .getMessage());
    assertEquals("Credentials 'token-file' have no option 'file'; known options: [path]",
        assertThrows(IllegalArgumentException.class,
            () -> CredentialsProviders.byName("token-file", Map.of("file", "/x"))).getMessage());
    assertEquals("Credentials 'token-file' need the option 'path'",
        assertThrows(IllegalArgumentException.class, () -> CredentialsProviders.byName("token-file", Map.of()))
            .getMessage());
  }

  @Test
  void thirdPartyFactoriesAreDiscoveredFromServiceFiles(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(CredentialsFactory.class.getName()), VaultFactory.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        CredentialsProvidersTest.class.getClassLoader())) {
      CredentialsProvider vault = CredentialsProviders.byName("vault", Map.of("role", "etl"), loader);
      assertEquals("Bearer from-etl", vault.authorization());
      assertFalse(vault.refresh("Bearer from-etl"), "a provider that cannot refresh says so by default");
    }
  }

  @Test
  void aStaticTokenIsSentAsBearerAndNeverShown() {
    CredentialsProvider token = CredentialsProvider.bearer("abc==");
    assertEquals("Bearer abc==", token.authorization());
    assertFalse(token.refresh("Bearer abc=="));
    assertEquals("token=***", token.toString());
  }

  @Test
  void aStaticTokenMustFitAHeader() {
    for (String bad : new String[] {"has space", "line\nbreak", "caf\u00e9"}) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> CredentialsProvider.bearer(bad));
      assertTrue(error.getMessage().contains("cannot be sent in a header"), error.getMessage());
      assertFalse(error.getMessage().contains(bad), error.getMessage());
    }
    assertEquals("the token is empty; give the token",
        assertThrows(IllegalArgumentException.class, () -> CredentialsProvider.bearer("")).getMessage());
  }
}
