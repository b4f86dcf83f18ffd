package io.sparkconnect.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A bearer token kept in a file that something else renews, such as a Kubernetes projected service-account token
 * or a token a sidecar refreshes. The file holds the token alone; surrounding whitespace is ignored. Before a call
 * it checks the file's modification time, size and identity at most once per check interval (1 s by default) and
 * reads the file again when one of them changed; when the server refuses the token it reads the file again at
 * once. Chosen by {@link CredentialsProvider#tokenFile(Path)}, {@link #builder(Path)}, or the name {@value #NAME}
 * with the option {@code path}. Thread-safe.
 */
public final class TokenFileCredentials implements CredentialsProvider {
  public static final String NAME = "token-file";
  /** How often the file is looked at, at most, unless the server refuses the token: {@code PT1S}. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
  /** The largest token file read: {@value} bytes. */
  public static final int MAX_FILE_SIZE = 64 * 1024;

  private final Path file;
  private final long checkIntervalNanos;
  private final Ticker ticker;
  private String authorization;
  private FileStamp stamp;
  private long checkedAt;

  private TokenFileCredentials(Builder builder) {
    this.file = builder.file;
    this.checkIntervalNanos = builder.checkInterval.toNanos();
    this.ticker = builder.ticker;
  }

  /** Credentials read from this file. */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** The file the token is read from. */
  public Path file() {
    return file;
  }

  /**
   * {@code Bearer <the file's token>}, reading the file again first if it changed since it was last looked at.
   *
   * @throws CredentialsException if the file cannot be read or does not hold a usable token
   */
  @Override
  public synchronized String authorization() {
    long now = ticker.nanoTime();
    if (authorization == null || now - checkedAt >= checkIntervalNanos) {
      FileStamp current = FileStamp.of(file);
      if (authorization == null || !current.equals(stamp)) {
        read(current);
      }
      checkedAt = now;
    }
    return authorization;
  }

  /** Reads the file again; true if it now holds another token than the one refused. */
  @Override
  public synchronized boolean refresh(String rejected) {
    read(FileStamp.of(file));
    checkedAt = ticker.nanoTime();
    return !authorization.equals(rejected);
  }

  private void read(FileStamp current) {
    if (current.size > MAX_FILE_SIZE) {
      throw new CredentialsException("Token file " + file + " has " + current.size + " bytes, more than "
          + MAX_FILE_SIZE + "; it should hold the token alone");
    }
    String token;
    try {
      token = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw FileStamp.unreadable(file, e);
    }
    try {
      authorization = BearerTokens.header(token, "Token file " + file);
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(e.getMessage() + "; write the token alone into the file");
    }
    stamp = current;
  }

  @Override
  public String toString() {
    return NAME + "(" + file + ")";
  }

  /** When, how large and which file: a change in any of them means the file was rewritten. */
  private static final class FileStamp {
    final long modifiedNanos;
    final long size;
    final Object key;

    private FileStamp(long modifiedNanos, long size, Object key) {
      this.modifiedNanos = modifiedNanos;
      this.size = size;
      this.key = key;
    }

    static FileStamp of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
            attributes.size(), attributes.fileKey());
      } catch (IOException e) {
        throw unreadable(file, e);
      }
    }

    static CredentialsException unreadable(Path file, IOException e) {
      if (e instanceof NoSuchFileException) {
        return new CredentialsException("Token file " + file + " does not exist; check the path given to the "
            + NAME + " credentials", e);
      }
      if (e instanceof AccessDeniedException) {
        return new CredentialsException("Token file " + file + " cannot be read: permission denied; let this "
            + "process's user read it", e);
      }
      return new CredentialsException("Token file " + file + " cannot be read: " + e, e);
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof FileStamp)) {
        return false;
      }
      FileStamp that = (FileStamp) other;
      return modifiedNanos == that.modifiedNanos && size == that.size && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(modifiedNanos, size, key);
    }
  }

  /** Builds {@link TokenFileCredentials}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private final Path file;
    private Duration checkInterval = DEFAULT_CHECK_INTERVAL;
    private Ticker ticker = Ticker.system();

    private Builder(Path file) {
      this.file = Objects.requireNonNull(file, "file");
    }

    /** How often, at most, the file is looked at before a call; zero looks before every call. */
    public Builder checkInterval(Duration interval) {
      Objects.requireNonNull(interval, "checkInterval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("checkInterval must not be negative, got " + interval);
      }
      this.checkInterval = interval;
      return this;
    }

    /** The clock the check interval is measured on; replace it in tests. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The credentials; the file is first read by the first call, so it may appear later. */
    public TokenFileCredentials build() {
      return new TokenFileCredentials(this);
    }
  }

  /** Registers the credentials as {@value TokenFileCredentials#NAME}, with the option {@code path}. */
  public static final class Factory implements CredentialsFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public CredentialsProvider create(Map<String, String> options) {
      return builder(Path.of(CredentialsOptions.required(NAME, options, "path", Set.of("path")))).build();
    }
  }
}
