package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ForwardPostings} marks exactly what Lucene's own postings strategy marks: over several
 * segments, for terms that are in some hits and not others, for scattered hits and runs of
 * neighbours, and for pages that list a hit twice (random pages do), where a walked enum already
 * read cannot serve and fresh postings are made.
 */
class ForwardPostingsTest {
  private static final String[] WORDS = {"amber", "basalt", "cedar", "dune", "ember", "fjord"};

  @TempDir Path dir;

  /** 300 documents of the six words over several segments; "body" has offsets. */
  private void index(Random random) throws Exception {
    FieldType offsets = new FieldType(TextField.TYPE_STORED);
    offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setMaxBufferedDocs(40); // several segments
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < 300; i++) {
        StringBuilder body = new StringBuilder();
        for (int k = 0, n = 5 + random.nextInt(30); k < n; k++) {
          // Rare words leave gaps between the hits that hold them, which the walk skips over.
          String word = WORDS[random.nextInt(random.nextInt(8) == 0 ? WORDS.length : 3)];
          body.append(word).append(random.nextInt(5) == 0 ? ". " : " ");
        }
        Document d = new Document();
        d.add(new Field("body", body.toString(), offsets));
        writer.addDocument(d);
      }
    }
  }

  @Test
  void marksWhatLucenesOwnStrategyMarks() throws Exception {
    Random random = new Random(7);
    index(random);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      assertTrue(reader.leaves().size() > 1);
      IndexSearcher searcher = new IndexSearcher(reader);
      Query query = query();
      UnifiedHighlighter lucenes = highlighter(searcher, false, null);
      UnifiedHighlighter forward = highlighter(searcher, true, null);
      int marked = 0;
      for (int round = 0; round < 50; round++) {
        // Scattered hits, and runs of neighbours (an advance for one hit often lands on the next).
        int from = random.nextInt(reader.maxDoc() - 12);
        int[] page =
            round % 2 == 0
                ? random.ints(1 + random.nextInt(12), 0, reader.maxDoc()).toArray()
                : IntStream.range(from, from + 1 + random.nextInt(12)).toArray();
        int[] passages = {3};
        String[] expected =
            lucenes.highlightFields(new String[] {"body"}, query, page, passages).get("body");
        String[] got =
            forward.highlightFields(new String[] {"body"}, query, page, passages).get("body");
        assertArrayEquals(expected, got, "page " + Arrays.toString(page));
        marked += (int) Arrays.stream(got).filter(h -> h != null && h.contains("<b>")).count();
      }
      assertTrue(marked > 100, "most hits are marked: " + marked);
    }
  }

  @Test
  void aHitAskedForAgainGetsFreshPostings() throws Exception {
    index(new Random(11));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Object[]> made = new ArrayList<>();
      int doc = searcher.search(new TermQuery(new Term("body", "amber")), 1).scoreDocs[0].doc;
      highlighter(searcher, true, made)
          .highlightFields(new String[] {"body"}, query(), new int[] {doc}, new int[] {3});
      ForwardPostings walked = (ForwardPostings) made.get(0)[0];
      UHComponents components = (UHComponents) made.get(0)[1];
      LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
      String text = reader.storedFields().document(doc).get("body");
      List<String> again = offsets(walked, leaf, doc, text);
      assertFalse(again.isEmpty());
      assertEquals(offsets(new PostingsOffsetStrategy(components), leaf, doc, text), again);
    }
  }

  private static List<String> offsets(
      FieldOffsetStrategy strategy, LeafReaderContext leaf, int doc, String text) throws Exception {
    List<String> offsets = new ArrayList<>();
    try (OffsetsEnum each = strategy.getOffsetsEnum(leaf.reader(), doc - leaf.docBase, text)) {
      while (each.nextPosition()) {
        offsets.add(
            each.getTerm().utf8ToString() + "@" + each.startOffset() + "-" + each.endOffset());
      }
    }
    return offsets;
  }

  private static Query query() {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term("body", "ember")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "fjord")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "amber")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term("body", "nowhere")), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** A highlighter over "body"'s postings; {@code made} (when given) gets each strategy made. */
  private static UnifiedHighlighter highlighter(
      IndexSearcher searcher, boolean forward, List<Object[]> made) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, new StandardAnalyzer())
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(false); // as Sandiq's: term by term, which the strategy serves
    return new UnifiedHighlighter(builder) {
      @Override
      protected OffsetSource getOffsetSource(String field) {
        return OffsetSource.POSTINGS;
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(
          OffsetSource offsetSource, UHComponents components) {
        FieldOffsetStrategy strategy =
            forward
                ? new ForwardPostings(components)
                : super.getOffsetStrategy(offsetSource, components);
        if (made != null) {
          made.add(new Object[] {strategy, components});
        }
        return strategy;
      }
    };
  }
}
