package io.sparkconnect.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in Debian's headless Chromium and returns the DOM after its scripts ran. Where Chromium is not
 * installed the check is absent, unless {@value #REQUIRED_ENV} is set (as CI does), which makes its absence an error.
 */
final class HeadlessChromium {
  static final String REQUIRED_ENV = "SPARK_CONNECT_REQUIRE_CHROMIUM";
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");

  private HeadlessChromium() {}

  static Optional<Path> executable() {
    Optional<Path> found = CANDIDATES.stream().map(Paths::get).filter(Files::isExecutable).findFirst();
    if (found.isEmpty() && System.getenv(REQUIRED_ENV) != null) {
      throw new IllegalStateException(REQUIRED_ENV + " is set but no Chromium was found at " + CANDIDATES
          + "; install Debian's chromium package");
    }
    return found;
  }

  /** The page's DOM after rendering with a 5-second virtual time budget. */
  static String dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path out = Files.createTempFile("dom", ".html");
    Path err = Files.createTempFile("chromium-err", ".txt");
    Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom",
        page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium did not render " + page + " within 2 minutes");
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || dom.isBlank()) {
      throw new IllegalStateException("Chromium failed (exit " + process.exitValue() + "): "
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    return dom;
  }
}
