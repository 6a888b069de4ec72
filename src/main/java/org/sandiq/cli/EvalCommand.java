package org.sandiq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sandiq eval KIND}: measurements of quality. A parent command, so each kind of evaluation
 * ({@code retrieval}, later others) is its own sub-command.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measures quality on a test collection.",
    subcommands = {EvalRetrievalCommand.class})
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
