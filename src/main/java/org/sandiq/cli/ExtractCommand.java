package org.sandiq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.ingest.ArchiveSummary;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.CorpusFile;
import org.sandiq.ingest.DocumentCleaner;
import org.sandiq.ingest.IngestException;
import org.sandiq.ingest.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sandiq extract FILE...}: the cleaned documents of files, as JSON lines. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Prints each document of each FILE as cleaned for the index: one JSON object per line,"
          + " {file, id, url, title, text, lang, date, site, captureDate, description}.",
      "A web archive (WARC, ARC) gives one line per HTML or text capture, and a line on stderr"
          + " with its records and any damaged place. Exit code 1 when a file cannot be read or"
          + " an archive is damaged (the rest is still printed)."
    })
final class ExtractCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to extract.")
  List<Path> files;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "${env:SANDIQ_HOME:-.}/corpus",
      description =
          "Corpus folder the ids are relative to, as in the index (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Spec CommandSpec spec;

  /** One extracted document, in the order the fields are printed. */
  record Extracted(
      String file,
      String id,
      String url,
      String title,
      String text,
      String lang,
      String date,
      String site,
      String captureDate,
      String description) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper json = new ObjectMapper();
    Corpus root = new Corpus(corpus);
    SourceReader reader = new SourceReader();
    DocumentCleaner cleaner = new DocumentCleaner();
    LanguageDetector detector = new LanguageDetector();
    int failed = 0;
    for (Path path : files) {
      try {
        CorpusFile file = root.file(path);
        ArchiveSummary archive =
            reader.read(
                file,
                raw -> {
                  CleanDocument doc = cleaner.clean(raw);
                  Detection detection = detector.detect(doc.text(), doc.langHint());
                  out.println(
                      json.writeValueAsString(
                          new Extracted(
                              path.toString(),
                              doc.id(),
                              doc.url(),
                              doc.title(),
                              doc.text(),
                              detection.language().code(),
                              doc.date() == null ? null : doc.date().toString(),
                              doc.site(),
                              doc.captureDate() == null ? null : doc.captureDate().toString(),
                              doc.description())));
                });
        if (archive != null) {
          err.println("archive " + path + ": " + archive.line());
          if (!archive.intact()) {
            failed++;
          }
        }
      } catch (IngestException | IOException e) {
        failed++;
        err.println("failed: " + path + ": " + Main.messageOf(e));
      }
      out.flush();
    }
    err.flush();
    return failed == 0 ? 0 : Main.EXIT_PARTIAL;
  }
}
