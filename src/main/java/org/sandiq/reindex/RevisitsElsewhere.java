package org.sandiq.reindex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sandiq.index.DocumentIndex;
import org.sandiq.index.DocumentPreparation;
import org.sandiq.ingest.BoilerplateLines;
import org.sandiq.ingest.Corpus;
import org.sandiq.ingest.RawDocument;
import org.sandiq.ingest.RevisitElsewhere;

/**
 * The revisits of a run whose capture is not in their own file, indexed once every file has been.
 *
 * <p>Why. A deduplicating crawler (Heritrix, warcprox, Browsertrix, wget with a CDX) writes a page
 * it finds unchanged as a revisit record of a capture in an earlier crawl's file. Read file by
 * file, such a revisit has no payload, and the archive's timeline lost that capture. The captures
 * are indexed under the names a revisit points at them by ({@code Fields.CAPTURE_NAMES}), so once
 * the run's files are in, the index (this run's documents and earlier runs' alike) tells where each
 * capture lies; its record is read again and the revisit indexed with its payload, its own URL and
 * date, as a document of the revisit's file (replaced and deleted with it).
 */
final class RevisitsElsewhere {
  /** At most this many revisits wait (a few hundred bytes each); later ones are counted only. */
  static final int MAX_WAITING = 100_000;

  private final List<RevisitElsewhere> waiting = new ArrayList<>();
  private int overflow;

  /** What the revisits became: documents, and revisits whose capture was not found. */
  record Outcome(long indexed, long notFound) {
    static final Outcome NONE = new Outcome(0, 0);
  }

  synchronized void add(RevisitElsewhere revisit) {
    if (waiting.size() < MAX_WAITING) {
      waiting.add(revisit);
    } else {
      overflow++;
    }
  }

  /**
   * Indexes every waiting revisit whose capture {@code index} knows, reading it from {@code
   * corpus}, prepared on {@code workers}.
   *
   * @throws IOException only when the index itself fails
   */
  synchronized Outcome resolve(
      DocumentIndex index, Corpus corpus, DocumentPreparation preparation, DocumentWorkers workers)
      throws IOException {
    if (waiting.isEmpty()) {
      return overflow == 0 ? Outcome.NONE : new Outcome(0, overflow);
    }
    Set<String> names = new LinkedHashSet<>();
    waiting.forEach(r -> names.addAll(r.wanted()));
    Map<String, String> sources = index.capturesNamed(names);
    DocumentWorkers.Batch batch = workers.batch();
    long notFound = overflow;
    for (RevisitElsewhere revisit : waiting) {
      String source = null;
      for (String name : revisit.wanted()) {
        source = sources.get(name);
        if (source != null) {
          break;
        }
      }
      Optional<RawDocument> raw =
          source == null ? Optional.empty() : corpus.revisitOf(source, revisit);
      if (raw.isEmpty()) {
        notFound++;
        continue;
      }
      batch.submit(
          () -> index.add(preparation.prepare(raw.get(), revisit.file(), BoilerplateLines.none())));
    }
    batch.await();
    if (batch.indexFailure() != null) {
      throw batch.indexFailure();
    }
    waiting.clear();
    return new Outcome(batch.written(), notFound + batch.skipped());
  }
}
