package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.Language;
import org.sandiq.testing.Fixtures;

/**
 * Every document, content or file, has a norm in every scored field of its analysis, so norms are
 * read straight by document number; the empty values that make it so add no term, so the statistics
 * scores use count only the documents with text in a field.
 */
class DenseNormsTest {
  @TempDir Path dir;

  @Test
  void everyDocumentHasANormInEveryScoredFieldAndOnlyTextIsCounted() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "en/port.txt", "Port records\n\nThe archivists read the port records.");
    Fixtures.write(corpus, "ru/gazety.txt", "Газеты\n\nО трагедии писали все газеты в феврале.");
    Fixtures.write(
        corpus, "az/usaqlar.txt", "Uşaqlar\n\nUşaqlar hər gün kitabxanalarda oxuyurlar.");
    for (AnalysisProfile profile : AnalysisProfile.values()) {
      Path index = dir.resolve("index-" + profile.code());
      assertTrue(Fixtures.reindex(corpus, index, true, profile).succeeded());
      List<String> scored = new ArrayList<>(profile.titleFields());
      scored.addAll(profile.textFields());
      try (FSDirectory directory = FSDirectory.open(index);
          DirectoryReader reader = DirectoryReader.open(directory)) {
        for (LeafReaderContext context : reader.leaves()) {
          LeafReader leaf = context.reader();
          for (String field : scored) {
            NumericDocValues norms = leaf.getNormValues(field);
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
              assertTrue(norms.advanceExact(doc), profile + " " + field + " doc " + doc);
            }
          }
        }
        // A language text field counts the documents in that language only, not the empty ones.
        IndexSearcher searcher = new IndexSearcher(reader);
        int counted = 0;
        for (Language language : profile.languages()) {
          Terms terms = MultiTerms.getTerms(reader, Fields.text(language));
          int docs = terms == null ? 0 : terms.getDocCount();
          assertEquals(
              searcher.count(new TermQuery(new Term(Fields.LANG, language.code()))),
              docs,
              profile + " " + language);
          counted += docs;
        }
        assertEquals(3, counted, profile.toString());
      }
    }
  }
}
