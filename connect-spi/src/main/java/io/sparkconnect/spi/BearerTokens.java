package io.sparkconnect.spi;

/** The one rule for bearer tokens: non-empty visible ASCII, so that they fit an HTTP/2 header as they are. */
final class BearerTokens {
  private BearerTokens() {}

  /** The header value for a valid token; the message of a rejected one names {@code source}, never the token. */
  static String header(String token, String source) {
    if (token.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty; give the token");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(source + " has a character that cannot be sent in a header at position "
            + (i + 1) + " (a space, line break or non-ASCII character); a token is visible ASCII only");
      }
    }
    return "Bearer " + token;
  }
}
