package io.sparkconnect.sql.internal;

/**
 * A Spark server version such as 3.5.7 or 4.1.2, for choosing which requests a server understands. A feature newer
 * than the server calls {@link #require} before anything is sent, so the user gets a typed {@link
 * io.sparkconnect.sql.UnsupportedServerVersionException} rather than the server's parse error.
 *
 * <p>What the protocol adds per line, as far as the client is concerned (the client compiles against 4.2's):
 *
 * <ul>
 *   <li>4.0 over 3.5: {@code ReleaseSession}, {@code FetchErrorDetails}, checkpoints, {@code clusterBy}, {@code
 *       MERGE INTO}, grouping sets, streaming listeners, variant values.
 *   <li>4.1 over 4.0: {@code CloneSession}, compressed plans ({@code CompressedOperation}), Arrow result chunking
 *       ({@code ResultChunkingOptions}), pipeline commands, breaking-change info in errors.
 *   <li>4.2 over 4.1: the {@code GetStatus} RPC (the state of a session's operations: running, terminating,
 *       succeeded, failed, cancelled; the 4.2.0 server implements it), catalog commands sent as commands rather
 *       than SQL ({@code DropTable}, {@code DropView}, {@code CreateDatabase}, {@code DropDatabase}, {@code
 *       ListPartitions}, {@code ListViews}, {@code GetTableProperties}, {@code GetCreateTableString}, {@code
 *       TruncateTable}, {@code AnalyzeTable}), {@code with_schema_evolution} on {@code write()} and {@code
 *       writeTo()} (MERGE has had it since 4.0), a real-time streaming trigger, {@code RelationChanges} and {@code
 *       NearestByJoin} relations, XML in {@code Parse}, errors raised while collecting observed metrics, and
 *       pipeline additions. The client sends none of them yet, and nothing a 4.0 server does not understand
 *       unless a {@link #require} lets it.
 * </ul>
 */
public final class ServerVersion {
  private final String text;
  private final int major;
  private final int minor;

  private ServerVersion(String text, int major, int minor) {
    this.text = text;
    this.major = major;
    this.minor = minor;
  }

  public static ServerVersion parse(String text) {
    String[] parts = text.split("[.\\-]");
    try {
      return new ServerVersion(text, Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot understand server version '" + text + "'", e);
    }
  }

  public boolean isAtLeast(int wantedMajor, int wantedMinor) {
    return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
  }

  /**
   * Fails with an {@link io.sparkconnect.sql.UnsupportedServerVersionException} naming {@code feature} unless this
   * version is at least {@code major.minor}; {@code instead} (may be null) says what works on older servers.
   */
  public void require(String feature, int wantedMajor, int wantedMinor, String instead) {
    if (!isAtLeast(wantedMajor, wantedMinor)) {
      throw new io.sparkconnect.sql.UnsupportedServerVersionException(feature, wantedMajor + "." + wantedMinor,
          text, instead);
    }
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  @Override
  public String toString() {
    return text;
  }
}
