package io.sparkconnect.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkconnect.testkit.MavenRepositoryServer;
import io.sparkconnect.testkit.ServerStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/**
 * Maven Resolver as the tool drives it, against small artifacts on a loopback repository: mirrors, credentials
 * (plain and encrypted), proxies, checksums, offline mode, the remote override, and the read-only Maven local
 * repository behind the tool's own.
 */
class MavenJarResolverTest {
  private static final String JAR = "org/example/tiny/1.0/tiny-1.0.jar";
  private static final String NATIVE = "org/example/tiny/1.0/tiny-1.0-linux-x86_64.jar";
  private static final List<String> PATHS = List.of(JAR, NATIVE);

  @TempDir
  Path dir;

  private Path remote;
  private ToolRepository repository;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void artifacts() throws Exception {
    remote = dir.resolve("remote");
    Random random = new Random(17);
    for (String path : PATHS) {
      byte[] bytes = new byte[300_000];
      random.nextBytes(bytes);
      Files.createDirectories(remote.resolve(path).getParent());
      Files.write(remote.resolve(path), bytes);
    }
    repository = new ToolRepository(dir.resolve("home/repository"), dir.resolve("m2"));
  }

  private static Settings settings(String mirrorId, String url, Server... servers) {
    Settings settings = new Settings();
    Mirror mirror = new Mirror();
    mirror.setId(mirrorId);
    mirror.setMirrorOf("*");
    mirror.setUrl(url);
    settings.addMirror(mirror);
    for (Server server : servers) {
      settings.addServer(server);
    }
    return settings;
  }

  private static Server server(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    return server;
  }

  private List<Path> resolve(Settings settings, boolean offline, String remoteOverride) {
    return new MavenJarResolver(settings, repository, offline, remoteOverride).resolve("test", PATHS, progress::add);
  }

  private void assertFetched(List<Path> jars) throws Exception {
    assertEquals(2, jars.size());
    for (int i = 0; i < PATHS.size(); i++) {
      assertArrayEquals(Files.readAllBytes(remote.resolve(PATHS.get(i))), Files.readAllBytes(jars.get(i)));
    }
  }

  @Test
  void fetchesThroughTheMirrorWithItsCredentialsVerifiesChecksumsAndWritesOnlyItsOwnRepository()
      throws Exception {
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(remote, "deployer", "s3cret-pass")) {
      List<Path> jars = resolve(settings("company", mirror.url(), server("company", "deployer", "s3cret-pass")),
          false, null);
      assertFetched(jars);
      assertEquals(repository.own().resolve(JAR), jars.get(0));
      for (String path : PATHS) {
        assertTrue(mirror.requests().contains("/" + path), mirror.requests().toString());
        assertTrue(mirror.requests().contains("/" + path + ".sha1"), mirror.requests().toString());
      }
      assertFalse(Files.exists(repository.mavenLocal()), "the Maven local repository is only read");
      assertTrue(progress.get(0).startsWith("Fetching 2 of 2 jars for Spark test from " + mirror.url()),
          progress.toString());
      assertTrue(progress.stream().anyMatch(line -> line.startsWith("  [2/2 jars] 0.6 MiB")), progress.toString());

      int before = mirror.requests().size();
      assertEquals(jars, resolve(settings("company", mirror.url()), false, null));
      assertEquals(before, mirror.requests().size(), "cached jars are not fetched again");
    }
  }

  @Test
  void aWrongPasswordFailsNamingTheArtifactsAndNeverThePassword() {
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(remote, "deployer", "s3cret-pass")) {
      ServerStartException error = assertThrows(ServerStartException.class, () -> resolve(
          settings("company", mirror.url(), server("company", "deployer", "wrong-pass-4711")), false, null));
      assertTrue(error.getMessage().startsWith("Cannot get 2 jars for Spark test from " + mirror.url()
          + ": org.example:tiny:jar:1.0, org.example:tiny:jar:linux-x86_64:1.0. Check the network, the mirror"),
          error.getMessage());
      assertFalse(error.getMessage().contains("wrong-pass-4711"), error.getMessage());
      assertFalse(Files.exists(repository.own().resolve(JAR)));
    }
  }

  @Test
  void passwordsEncryptedWithTheMasterPasswordAreDecrypted() throws Exception {
    DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    Path home = Files.createDirectories(dir.resolve("user"));
    Files.createDirectories(home.resolve(".m2"));
    Files.writeString(home.resolve(".m2/settings-security.xml"), "<settingsSecurity><master>"
        + cipher.encryptAndDecorate("master-of-keys", "settings.security") + "</master></settingsSecurity>");
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(remote, "deployer", "s3cret-pass")) {
      Files.writeString(home.resolve(".m2/settings.xml"), "<settings><mirrors><mirror><id>company</id>"
          + "<mirrorOf>*</mirrorOf><url>" + mirror.url() + "</url></mirror></mirrors><servers><server>"
          + "<id>company</id><username>deployer</username><password>"
          + cipher.encryptAndDecorate("s3cret-pass", "master-of-keys") + "</password></server></servers>"
          + "</settings>");
      Settings settings = MavenSettings.read(Map.of(), home);
      assertEquals("s3cret-pass", settings.getServer("company").getPassword());
      assertFetched(resolve(settings, false, null));
    }
  }

  @Test
  void proxiesFromTheSettingsCarryTheRequests() throws Exception {
    try (MavenRepositoryServer proxy = MavenRepositoryServer.serve(remote)) {
      Settings settings = settings("company", "http://repository.example.invalid/");
      Proxy http = new Proxy();
      http.setId("company-proxy");
      http.setProtocol("http");
      http.setHost("127.0.0.1");
      http.setPort(Integer.parseInt(proxy.url().replaceAll(".*:(\\d+)/$", "$1")));
      settings.addProxy(http);
      assertFetched(resolve(settings, false, null));
      assertTrue(proxy.requests().contains("/" + JAR), proxy.requests().toString());
    }
  }

  @Test
  void aChecksumMismatchFailsAndLeavesNoJar() throws Exception {
    Files.writeString(remote.resolve(JAR + ".sha1"), "0123456789abcdef0123456789abcdef01234567");
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(remote)) {
      ServerStartException error = assertThrows(ServerStartException.class,
          () -> resolve(settings("company", mirror.url()), false, null));
      assertTrue(error.getMessage().contains("org.example:tiny:jar:1.0"), error.getMessage());
      assertTrue(error.getMessage().contains("Checksum validation failed"), error.getMessage());
      assertTrue(progress.stream().anyMatch(line -> line.contains("checksum mismatch for tiny-1.0.jar")),
          progress.toString());
      try (var files = Files.walk(repository.own())) {
        assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("tiny-1.0.jar")).toList());
      }
    }
  }

  @Test
  void offlineWithAnEmptyCacheNamesWhatIsMissingAndContactsNobody() {
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(remote)) {
      Settings offlineInSettings = settings("company", mirror.url());
      offlineInSettings.setOffline(true);
      for (MavenJarResolver resolver : List.of(new MavenJarResolver(offlineInSettings, repository, false, null),
          new MavenJarResolver(settings("company", mirror.url()), repository, true, null))) {
        ServerStartException error = assertThrows(ServerStartException.class,
            () -> resolver.resolve("test", PATHS, progress::add));
        assertTrue(error.getMessage().startsWith("Cannot get 2 jars for Spark test offline: "
            + "org.example:tiny:jar:1.0, org.example:tiny:jar:linux-x86_64:1.0. Run the same command once without "
            + "--offline"), error.getMessage());
        assertTrue(error.getMessage().contains(
            "mvn dependency:get -Dtransitive=false -Dartifact=org.example:tiny:1.0. (First cause: Cannot access "
                + "company (" + mirror.url() + ") in offline mode"), error.getMessage());
      }
      assertEquals(List.of(), mirror.requests());
    }
  }

  @Test
  void cachedJarsServeOfflineWhicheverRepositoryFetchedThem() throws Exception {
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(remote)) {
      resolve(settings("company", mirror.url()), false, null);
    }
    assertFetched(resolve(settings("another-mirror", "http://127.0.0.1:9/"), true, null));
    assertFetched(resolve(new Settings(), true, "http://127.0.0.1:9/"));
  }

  @Test
  void jarsInTheMavenLocalRepositoryAreUsedInPlace() throws Exception {
    for (String path : PATHS) {
      Files.createDirectories(repository.mavenLocal().resolve(path).getParent());
      Files.copy(remote.resolve(path), repository.mavenLocal().resolve(path));
    }
    List<Path> jars = resolve(new Settings(), true, null);
    assertFetched(jars);
    assertEquals(repository.mavenLocal().resolve(JAR), jars.get(0));
    assertFalse(Files.exists(repository.own().resolve(JAR)));
  }

  @Test
  void theRemoteOverrideReplacesTheMirrors() throws Exception {
    try (MavenRepositoryServer mirror = MavenRepositoryServer.serve(dir.resolve("empty"));
        MavenRepositoryServer override = MavenRepositoryServer.serve(remote)) {
      assertFetched(resolve(settings("company", mirror.url()), false, override.url()));
      assertEquals(List.of(), mirror.requests());
      assertTrue(override.requests().contains("/" + JAR), override.requests().toString());
    }
  }

  @Test
  void credentialsInAUrlAreNotShown() {
    assertEquals("https://nexus.example/repository/maven/",
        MavenJarResolver.redacted("https://deployer:s3cret@nexus.example/repository/maven/"));
    assertEquals("http://127.0.0.1:8081/", MavenJarResolver.redacted("http://127.0.0.1:8081/"));
  }
}
