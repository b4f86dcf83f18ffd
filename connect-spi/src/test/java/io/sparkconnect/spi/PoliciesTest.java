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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLoader discovery of policies by name, as classpath users see it. */
class PoliciesTest {

  /** A third-party policy found through a services file. */
  public static final class FixedDelayProvider implements RetryPolicyProvider {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public int priority() {
      return 7;
    }

    @Override
    public RetryPolicy create() {
      return new RetryPolicy() {
        @Override
        public String name() {
          return "fixed";
        }

        @Override
        public RetryDecision decide(Failure failure, int retriesSoFar, Duration elapsed) {
          return retriesSoFar < 2 ? RetryDecision.retryAfter(Duration.ofMillis(10)) : RetryDecision.giveUp("done");
        }
      };
    }
  }

  @Test
  void builtInsAreFoundByName() {
    assertInstanceOf(DefaultRetryPolicy.class, Policies.retryPolicy("default"));
    assertEquals("none", Policies.retryPolicy("none").name());
    assertInstanceOf(FailFastRetryPolicy.class, Policies.retryPolicy("fail-fast"));
    assertEquals("fail-fast", Policies.retryPolicy("fail-fast").name());
    assertTrue(Policies.reattachPolicy("default").reattachable());
    assertFalse(Policies.reattachPolicy("none").reattachable());
    assertEquals(List.of("default", "fail-fast", "none"), Policies.retryPolicyNames());
    assertEquals(List.of("default", "none"), Policies.reattachPolicyNames());
  }

  @Test
  void unknownNamesListWhatCanBeFound() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Policies.retryPolicy("agressive"));
    assertEquals("No retry policy named 'agressive'; available: [default, fail-fast, none]. Add the jar that "
        + "provides it to the class or module path.", error.getMessage());
  }

  @Test
  void thirdPartyProvidersAreDiscoveredFromServiceFiles(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(RetryPolicyProvider.class.getName()),
        FixedDelayProvider.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        PoliciesTest.class.getClassLoader())) {
      RetryPolicy fixed = Policies.retryPolicy("fixed", loader);
      assertEquals(10, fixed.decide(Failure.streamEnded(), 0, Duration.ZERO).delay().toMillis());
      assertFalse(fixed.decide(Failure.streamEnded(), 2, Duration.ZERO).shouldRetry());
    }
  }

  @Test
  void defaultReattachPolicyResumesCutStreamsAndTransportFailures() {
    ReattachPolicy policy = ReattachPolicy.defaults();
    assertTrue(policy.shouldReattach(Failure.streamEnded(), 100));
    assertTrue(policy.shouldReattach(Failure.of("UNAVAILABLE", null, "reset", null, false), 0));
    assertTrue(policy.shouldReattach(Failure.of("INTERNAL", "INVALID_CURSOR.DISCONNECTED", "x", null, false), 0));
    assertFalse(policy.shouldReattach(Failure.of("INTERNAL", "DIVIDE_BY_ZERO", "x", null, true), 0));
    assertFalse(ReattachPolicy.none().shouldReattach(Failure.streamEnded(), 0));
  }
}
