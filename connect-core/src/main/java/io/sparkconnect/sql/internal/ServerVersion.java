package io.sparkconnect.sql.internal;

/** A Spark server version such as 3.5.7 or 4.1.2, for choosing which requests a server understands. */
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
