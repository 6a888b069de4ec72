package org.sandiq.search;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.sandiq.index.Fields;
import org.sandiq.index.StoredText;

/**
 * Streams every match of a query to an {@link ExportSink} in one pass, in index order: a collector
 * reads each match's stored fields and hands it on as it is found, so memory stays constant
 * whatever the number of matches (nothing is gathered, sorted or paged).
 *
 * <p>It runs on a searcher of its own without an executor (one thread, so the sink sees one match
 * at a time) and without the search time limit: an export of 200,000 documents takes seconds.
 */
final class Exporter {
  private Exporter() {}

  /**
   * Counts {@code query}'s matches, refuses more than {@code max} before writing anything, then
   * streams them.
   *
   * @return how many documents were written
   */
  static long export(IndexSearcher shared, Query query, long max, boolean withText, ExportSink sink)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setSimilarity(shared.getSimilarity());
    long count = searcher.count(query);
    ExportSink.checkLimit(count, max);
    Set<String> fields = new HashSet<>(ExportedDocument.FIELDS);
    if (withText) {
      fields.add(Fields.TEXT);
    }
    long[] written = {0};
    searcher.search(
        query,
        new CollectorManager<Collector, Void>() {
          @Override
          public Collector newCollector() {
            return new Streaming(fields, sink, written);
          }

          @Override
          public Void reduce(java.util.Collection<Collector> collectors) {
            return null;
          }
        });
    return written[0];
  }

  /** Hands each match to the sink as it is collected. */
  private record Streaming(Set<String> fields, ExportSink sink, long[] written)
      implements Collector {
    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      StoredFields stored = context.reader().storedFields();
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          Document d = stored.document(doc, fields);
          float score = scorer == null ? 0 : scorer.score();
          sink.accept(
              new ExportedDocument(
                  d.get(Fields.ID),
                  d.get(Fields.URL),
                  d.get(Fields.TITLE),
                  instant(d, Fields.DATE),
                  instant(d, Fields.CAPTURE_DATE),
                  d.get(Fields.LANG),
                  d.get(Fields.SITE),
                  d.get(Fields.COLLECTION),
                  Float.isNaN(score) ? 0 : score,
                  fields.contains(Fields.TEXT) ? StoredText.of(d) : null,
                  d.get(Fields.SOURCE)));
          written[0]++;
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  static String instant(Document doc, String field) {
    IndexableField value = doc.getField(field);
    return value == null || value.numericValue() == null
        ? null
        : Instant.ofEpochMilli(value.numericValue().longValue()).toString();
  }
}
