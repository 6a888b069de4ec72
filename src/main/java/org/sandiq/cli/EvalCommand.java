package org.sandiq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sandiq eval KIND}: measurements of quality against public benchmarks. A parent command, so
 * each kind of evaluation ({@code retrieval}, {@code extraction}) is its own sub-command.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measures quality on public benchmarks: retrieval, main-text extraction.",
    subcommands = {EvalRetrievalCommand.class, EvalExtractionCommand.class})
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
