package io.sparkconnect.cli;

import io.sparkconnect.testkit.ServerJarResolver;
import io.sparkconnect.testkit.ServerStartException;
import io.sparkconnect.testkit.SparkVersions;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Fetches server jars with Maven's own resolver, as Maven would: the mirrors, proxies, server credentials, local
 * repository and offline flag of the user's {@code settings.xml}, checksums verified (a mismatch fails), downloads
 * into temporary files that become the jar only when complete, in the tool's own repository in front of the
 * read-only Maven local repository. {@code SPARK_CONNECT_MAVEN_REMOTE} replaces Maven Central and its mirrors.
 */
final class MavenJarResolver implements ServerJarResolver {
  static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
  /**
   * The tool's repository does not record which remote each jar came from, so jars fetched through one mirror
   * serve offline runs and runs through another, as jars in the Maven local repository behind it do.
   */
  private static final String SIMPLE = "simple";

  private final Settings settings;
  private final ToolRepository repository;
  private final boolean offline;
  private final String remoteOverride;

  MavenJarResolver(Settings settings, ToolRepository repository, boolean offline, String remoteOverride) {
    this.settings = settings;
    this.repository = repository;
    this.offline = offline || settings.isOffline();
    this.remoteOverride = remoteOverride == null || remoteOverride.isBlank() ? null : remoteOverride;
  }

  /** From the environment: the user's settings, the tool's repository, and the {@code --offline} flag. */
  static MavenJarResolver fromEnvironment(boolean offline) {
    Map<String, String> env = System.getenv();
    Settings settings = MavenSettings.read(env);
    return new MavenJarResolver(settings, ToolRepository.of(env, settings.getLocalRepository()), offline,
        env.get("SPARK_CONNECT_MAVEN_REMOTE"));
  }

  ToolRepository repository() {
    return repository;
  }

  @Override
  public List<Path> resolve(String sparkVersion, List<String> repositoryPaths, Consumer<String> progress) {
    List<String> absent = repository.absent(repositoryPaths);
    int missing = absent.size();
    RepositorySystem system = new RepositorySystemSupplier().get();
    DownloadProgress download = new DownloadProgress(missing, bytes(sparkVersion, absent), progress);
    RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get()
        .withLocalRepositories(new LocalRepository(repository.own(), SIMPLE),
            new LocalRepository(repository.mavenLocal()))
        .setOffline(offline)
        .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
        .setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_NEVER)
        .setSystemProperties(System.getProperties())
        .setProxySelector(proxies())
        .setAuthenticationSelector(credentials())
        .setTransferListener(download);
    if (remoteOverride == null) {
      builder.setMirrorSelector(mirrors());
    }
    try (RepositorySystemSession.CloseableSession session = builder.build()) {
      List<RemoteRepository> remotes = system.newResolutionRepositories(session, List.of(remote()));
      if (missing > 0) {
        progress.accept(offline ? "Offline: " + missing + " of " + repositoryPaths.size() + " jars for Spark "
            + sparkVersion + " are not cached" : "Fetching " + missing + " of " + repositoryPaths.size()
            + " jars for Spark " + sparkVersion + download.size() + " from " + redacted(remotes.get(0).getUrl())
            + " into " + repository.own() + " (first use only)");
      }
      List<ArtifactRequest> requests = new ArrayList<>();
      for (String path : repositoryPaths) {
        requests.add(new ArtifactRequest(new DefaultArtifact(LayoutPath.coordinates(path)), remotes, null));
      }
      List<Path> jars = new ArrayList<>();
      try (Closeable downloading = offline || missing == 0 ? () -> { }
          : repository.downloading(absent, progress)) {
        for (ArtifactResult result : system.resolveArtifacts(session, requests)) {
          jars.add(result.getArtifact().getPath());
        }
      } catch (ArtifactResolutionException e) {
        throw unresolved(sparkVersion, e, remotes.get(0));
      } catch (IOException e) {
        throw new ServerStartException("Cannot write to the tool's repository " + repository.own() + ": " + e
            + "; check its permissions and free space, or point SPARK_CONNECT_HOME elsewhere", e);
      }
      if (download.jarsDone() > 0) {
        progress.accept(String.format("Fetched %d jars (%.1f MiB) for Spark %s", download.jarsDone(),
            download.bytes() / (1024.0 * 1024.0), sparkVersion));
      }
      return jars;
    }
  }

  private static long bytes(String sparkVersion, List<String> paths) {
    Map<String, Long> sizes = SparkVersions.available().contains(sparkVersion)
        ? SparkVersions.serverJarSizes(sparkVersion) : Map.of();
    long total = 0;
    for (String path : paths) {
      Long size = sizes.get(path);
      if (size == null) {
        return 0;
      }
      total += size;
    }
    return total;
  }

  private ServerStartException unresolved(String sparkVersion, ArtifactResolutionException e,
      RemoteRepository remote) {
    List<Artifact> missing = new ArrayList<>();
    String cause = null;
    for (ArtifactResult result : e.getResults()) {
      if (!result.isResolved()) {
        missing.add(result.getRequest().getArtifact());
        if (cause == null && !result.getExceptions().isEmpty()) {
          cause = firstLine(result.getExceptions().get(0).getMessage());
        }
      }
    }
    String listed = missing.stream().limit(5).map(Artifact::toString).collect(Collectors.joining(", "))
        + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "");
    String url = redacted(remote.getUrl());
    String fix = offline
        ? "Run the same command once without --offline (and with <offline>false</offline> in settings.xml) where "
            + url + " is reachable, or put each into the Maven local repository, such as: mvn dependency:get "
            + "-Dtransitive=false -Dartifact=" + dependencyGet(missing.get(0))
        : "Check the network, the mirror and proxy in ~/.m2/settings.xml (or SPARK_CONNECT_MAVEN_REMOTE), "
            + "and that " + url + " serves these artifacts";
    return new ServerStartException("Cannot get " + missing.size() + " jars for Spark " + sparkVersion
        + (offline ? " offline" : " from " + url) + ": " + listed + ". " + fix + ". (First cause: "
        + (cause != null ? cause : firstLine(e.getMessage())) + ")", e);
  }

  /** {@code groupId:artifactId:version[:packaging[:classifier]]}, the order {@code dependency:get} reads. */
  private static String dependencyGet(Artifact artifact) {
    return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion()
        + (artifact.getClassifier().isEmpty() ? "" : ":" + artifact.getExtension() + ":" + artifact.getClassifier());
  }

  /** The URL without any {@code user:password@} in it. */
  static String redacted(String url) {
    return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() <= 400 ? line : line.substring(0, 400) + "...";
  }

  private RemoteRepository remote() {
    String url = remoteOverride != null ? remoteOverride : CENTRAL;
    RepositoryPolicy policy = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER,
        RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    return new RemoteRepository.Builder(remoteOverride != null ? "spark-connect-remote" : "central", "default",
        url).setReleasePolicy(policy).setSnapshotPolicy(new RepositoryPolicy(false,
            RepositoryPolicy.UPDATE_POLICY_NEVER, RepositoryPolicy.CHECKSUM_POLICY_FAIL)).build();
  }

  private DefaultMirrorSelector mirrors() {
    DefaultMirrorSelector selector = new DefaultMirrorSelector();
    for (Mirror mirror : settings.getMirrors()) {
      selector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
          mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
    }
    return selector;
  }

  private DefaultProxySelector proxies() {
    DefaultProxySelector selector = new DefaultProxySelector();
    for (Proxy proxy : settings.getProxies()) {
      if (!proxy.isActive()) {
        continue;
      }
      AuthenticationBuilder auth = new AuthenticationBuilder();
      if (proxy.getUsername() != null) {
        auth.addUsername(proxy.getUsername()).addPassword(proxy.getPassword());
      }
      selector.add(new org.eclipse.aether.repository.Proxy(proxy.getProtocol(), proxy.getHost(), proxy.getPort(),
          auth.build()), proxy.getNonProxyHosts());
    }
    return selector;
  }

  private DefaultAuthenticationSelector credentials() {
    DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
    for (Server server : settings.getServers()) {
      AuthenticationBuilder auth = new AuthenticationBuilder();
      if (server.getUsername() != null) {
        auth.addUsername(server.getUsername()).addPassword(server.getPassword());
      }
      if (server.getPrivateKey() != null) {
        auth.addPrivateKey(server.getPrivateKey(), server.getPassphrase());
      }
      selector.add(server.getId(), auth.build());
    }
    return selector;
  }
}
