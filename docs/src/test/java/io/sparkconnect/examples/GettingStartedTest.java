package io.sparkconnect.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The getting-started guide cannot drift from the examples: each code block marked {@code <!-- example: path -->}
 * is that file exactly, and every relative link points at a file that exists.
 */
class GettingStartedTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- example: (\\S+) -->\\n```java\\n(.*?)```\\n", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  private static Path docs() {
    return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
  }

  private static String guide() throws Exception {
    return Files.readString(docs().resolve("getting-started.md"), StandardCharsets.UTF_8);
  }

  @Test
  void codeBlocksAreTheExampleFiles() throws Exception {
    Matcher block = EXAMPLE.matcher(guide());
    List<String> checked = new ArrayList<>();
    while (block.find()) {
      String file = Files.readString(docs().resolve(block.group(1)), StandardCharsets.UTF_8);
      assertEquals(file, block.group(2), "the guide's copy of " + block.group(1) + " differs from the file");
      checked.add(block.group(1));
    }
    assertEquals(List.of("src/main/java/io/sparkconnect/examples/FirstQuery.java",
        "src/main/java/io/sparkconnect/examples/SecureConnection.java"), checked);
  }

  @Test
  void relativeLinksPointAtFilesThatExist() throws Exception {
    Matcher link = LINK.matcher(guide());
    int checked = 0;
    while (link.find()) {
      String target = link.group(1);
      if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
        continue;
      }
      Path path = docs().resolve(target.replaceFirst("#.*$", "")).normalize();
      assertTrue(Files.exists(path), "the guide links to " + target + ", which does not exist");
      checked++;
    }
    assertTrue(checked >= 10, "only " + checked + " links found");
  }

  @Test
  void everyExampleIsListedInTheGuide() throws Exception {
    String guide = guide();
    try (var files = Files.list(docs().resolve("src/main/java/io/sparkconnect/examples"))) {
      for (Path file : files.toList()) {
        String link = "(src/main/java/io/sparkconnect/examples/" + file.getFileName() + ")";
        assertTrue(guide.contains(link), "the guide does not link to " + file.getFileName());
      }
    }
  }
}
