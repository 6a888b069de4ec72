package org.sandiq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandiq eval SUBCOMMAND}: measures Sandiq against public benchmarks. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measures Sandiq against public benchmarks.",
    subcommands = {EvalExtractionCommand.class})
final class EvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
