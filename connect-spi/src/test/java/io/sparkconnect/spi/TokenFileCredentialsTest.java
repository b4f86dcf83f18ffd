package io.sparkconnect.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file is read again when it changes, and at once when the server refuses its token. */
class TokenFileCredentialsTest {
  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong();

  private TokenFileCredentials credentials(Path file) {
    return TokenFileCredentials.builder(file).checkInterval(Duration.ofSeconds(1)).ticker(now::get).build();
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void readsTheTokenAloneIgnoringSurroundingWhitespace() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "  abc.def-ghi_=\n");
    assertEquals("Bearer abc.def-ghi_=", credentials(file).authorization());
  }

  @Test
  void looksAtTheFileAtMostOncePerIntervalAndRereadsItWhenItChanged() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "first");
    TokenFileCredentials credentials = credentials(file);
    assertEquals("Bearer first", credentials.authorization());
    Files.writeString(file, "second-token");
    assertEquals("Bearer first", credentials.authorization(), "within the interval the file is not looked at");
    advance(Duration.ofMillis(999));
    assertEquals("Bearer first", credentials.authorization());
    advance(Duration.ofMillis(1));
    assertEquals("Bearer second-token", credentials.authorization());
  }

  @Test
  void aRewriteOfTheSameSizeIsSeenByItsModificationTime() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "aaaa");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    TokenFileCredentials credentials = credentials(file);
    assertEquals("Bearer aaaa", credentials.authorization());
    Files.writeString(file, "bbbb");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    advance(Duration.ofSeconds(5));
    assertEquals("Bearer aaaa", credentials.authorization(), "same time, size and file: not read again");
    Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));
    advance(Duration.ofSeconds(5));
    assertEquals("Bearer bbbb", credentials.authorization());
  }

  @Test
  void refreshRereadsAtOnceAndSaysWhetherTheTokenChanged() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "old");
    TokenFileCredentials credentials = credentials(file);
    String rejected = credentials.authorization();
    assertFalse(credentials.refresh(rejected), "the file still holds the refused token");
    Files.writeString(file, "new");
    assertTrue(credentials.refresh(rejected));
    assertEquals("Bearer new", credentials.authorization());
  }

  @Test
  void aMissingFileNamesThePath() {
    Path file = dir.resolve("absent");
    CredentialsException error = assertThrows(CredentialsException.class, () -> credentials(file).authorization());
    assertEquals("Token file " + file + " does not exist; check the path given to the token-file credentials",
        error.getMessage());
  }

  @Test
  void aFileThatAppearsLaterIsUsedOnceItIsThere() throws IOException {
    Path file = dir.resolve("later");
    TokenFileCredentials credentials = credentials(file);
    assertThrows(CredentialsException.class, credentials::authorization);
    Files.writeString(file, "arrived");
    assertEquals("Bearer arrived", credentials.authorization());
  }

  @Test
  void unusableContentIsRejectedWithoutRevealingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "line-one-secret\nline-two-secret");
    CredentialsException error = assertThrows(CredentialsException.class, () -> credentials(file).authorization());
    assertTrue(error.getMessage().contains("cannot be sent in a header at position 16"), error.getMessage());
    assertTrue(error.getMessage().contains("write the token alone into the file"), error.getMessage());
    assertFalse(error.getMessage().contains("secret"), error.getMessage());
    Files.writeString(file, " \n");
    assertTrue(assertThrows(CredentialsException.class, () -> credentials(file).authorization()).getMessage()
        .contains("is empty"));
  }

  @Test
  void toStringNamesTheFileNotTheToken() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "hidden-value");
    TokenFileCredentials credentials = credentials(file);
    credentials.authorization();
    assertEquals("token-file(" + file + ")", credentials.toString());
  }
}
