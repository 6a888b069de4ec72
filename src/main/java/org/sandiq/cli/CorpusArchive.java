package org.sandiq.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.WarcExport;
import org.sandiq.search.ExportedDocument;
import org.sandiq.web.ArchiveExport;

/**
 * WARC exports from a corpus folder: the web layer's {@link ArchiveExport} over ingest's writer.
 */
final class CorpusArchive implements ArchiveExport {
  private final Corpus corpus;

  CorpusArchive(Corpus corpus) {
    this.corpus = corpus;
  }

  @Override
  public Writer open(OutputStream out) throws IOException {
    WarcExport warc = new WarcExport(corpus, out, new Main.Version().getVersion()[0]);
    return new Writer() {
      @Override
      public void write(ExportedDocument doc) throws IOException {
        String when = doc.captureDate() != null ? doc.captureDate() : doc.date();
        warc.write(doc.source(), doc.url(), when == null ? null : Instant.parse(when), doc.text());
      }

      @Override
      public void close() throws IOException {
        warc.close();
      }
    };
  }
}
