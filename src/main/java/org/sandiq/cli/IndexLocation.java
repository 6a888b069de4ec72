package org.sandiq.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index} option alone, for commands that only read the index. */
final class IndexLocation {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/index",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index;
}
