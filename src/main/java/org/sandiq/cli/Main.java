package org.sandiq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sandiq COMMAND}: the entry point of the jar. */
@Command(
    name = "sandiq",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Sandiq: multilingual full-text search over archived documents.",
    subcommands = {
      ReindexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      ExportCommand.class,
      ExtractCommand.class,
      CrawlCommand.class,
      EvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code when the command could not run at all (bad folder, locked index, port in use). */
  static final int EXIT_FATAL = 2;

  /** Exit code when the command ran but some inputs failed. */
  static final int EXIT_PARTIAL = 1;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    // Lucene reports through java.util.logging at INFO when it sets up SIMD; that is not news.
    java.util.logging.Logger.getLogger("org.apache.lucene")
        .setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }

  /** Runs {@code args} and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("sandiq: " + messageOf(e));
          return EXIT_FATAL;
        });
    return cli.execute(args);
  }

  static String messageOf(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sandiq " + (version == null ? "development" : version)};
    }
  }
}
