package org.sandiq.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless Chromium and its driver, which the page tests drive. Where they are missing a
 * developer's run skips those tests; CI ({@code .ci/run} sets {@value #REQUIRED}) fails instead.
 *
 * <p>Why not skip everywhere: the tests skip from their {@code @BeforeAll}, which Maven reports as
 * "Tests run: 0" for the class, not as skipped tests, so a CI machine whose install of Chromium
 * failed would pass with the page untested and nobody told.
 */
public final class Chromium {
  /** The environment variable that makes a missing browser a failure. */
  public static final String REQUIRED = "SANDIQ_REQUIRE_BROWSER";

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Skips the calling test class, or fails it where {@value #REQUIRED} is set, without both. */
  public static void assumeInstalled() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    String why = "needs Debian's chromium and chromium-driver at " + BROWSER + " and " + DRIVER;
    if (System.getenv(REQUIRED) != null) {
      assertTrue(installed, why + " (" + REQUIRED + " is set: .ci/run installs them)");
    }
    assumeTrue(installed, "skipped: " + why + " (.ci/run installs them)");
  }
}
