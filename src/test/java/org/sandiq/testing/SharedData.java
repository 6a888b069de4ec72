package org.sandiq.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared data folder ({@code ../shared}). Apart from {@link Fixtures} because it needs
 * nothing of Sandiq: the OpenSearch plugin's build compiles the analysis tests with it alone.
 */
public final class SharedData {
  private SharedData() {}

  /** A file of the shared data folder; the test is skipped (with why) when it is absent. */
  public static Path file(String relative) {
    Path root = Path.of(System.getProperty("sandiq.shared", "../shared")).toAbsolutePath();
    Path file = root.resolve(relative).normalize();
    assumeTrue(Files.exists(file), "skipped: shared data not available at " + file);
    return file;
  }
}
