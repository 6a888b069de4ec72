package org.sandiq.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --corpus} and {@code --index} options. Relative defaults resolve against {@code
 * SANDIQ_HOME} (set by the {@code ./sandiq} launcher to the checkout), else the working folder.
 */
final class Locations {
  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/corpus",
      description = "Folder of documents to index (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/index",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index;
}
