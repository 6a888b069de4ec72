package org.sandiq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sandiq.eval.ExtractionEvaluation;
import org.sandiq.eval.ExtractionScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandiq eval extraction DIR}: main-text extraction scored on a benchmark. */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description = {
      "Scores main-text extraction on a benchmark folder, Sandiq's and the whole-page text's"
          + " (the baseline).",
      "DIR holds ground-truth.jsonl (article bodies: shingle precision/recall/F1 averaged over"
          + " pages) or evaldata.jsonl (must-keep/must-drop segments: micro-averaged), and the"
          + " pages they name (.html or .html.gz)."
    })
final class EvalExtractionCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The benchmark folder.")
  Path dir;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean asJson;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ExtractionEvaluation.Report report = new ExtractionEvaluation().evaluate(dir);
    if (asJson) {
      out.println(new ObjectMapper().writeValueAsString(report));
    } else {
      out.printf(
          Locale.ROOT,
          "%s: %d pages, %s metric%n%-12s %9s %9s %9s %7s%n",
          report.set(),
          report.documents(),
          report.metric(),
          "extractor",
          "precision",
          "recall",
          "F1",
          "failed");
      for (ExtractionScores s : report.scores()) {
        out.printf(
            Locale.ROOT,
            "%-12s %9.3f %9.3f %9.3f %7d%n",
            s.extractor(),
            s.precision(),
            s.recall(),
            s.f1(),
            s.failed());
      }
    }
    out.flush();
    return 0;
  }
}
