package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.StemForms;
import org.sandiq.testing.Fixtures;

/**
 * The contract with the highlighter: every analysed title and text field carries offsets in its
 * postings, and they are offsets into the stored {@code title} or {@code text}, even where the
 * searched text differs from the stored one (folder boilerplate blanked, passages of another
 * language in that language's field); the language text fields, which have none, reach a folded
 * word for every stem of every document.
 */
class OffsetsTest {
  @TempDir Path dir;

  private static final Set<String> ANALYSED_TITLES = new HashSet<>(Fields.titleFields());
  private static final Set<String> ANALYSED_TEXTS = new HashSet<>(Fields.textFields());

  private static final Map<String, Language> LANGUAGE_TEXTS = new HashMap<>();

  static {
    for (Language language : Language.values()) {
      LANGUAGE_TEXTS.put(Fields.text(language), language);
    }
    ANALYSED_TITLES.add(Fields.TITLE_XSCRIPT);
    ANALYSED_TEXTS.add(Fields.TEXT_XSCRIPT);
  }

  @Test
  void everyAnalysedFieldHasOffsetsIntoTheStoredTextOrItsStemsAFoldedWord() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    Fixtures.copyShipped(corpus, "seed/000_7171e9ebea0e3f35.txt", "seed/seed.txt");
    Fixtures.copyShipped(corpus, "warc/warcio-example.warc.gz", "warc/example.warc.gz");
    for (int i = 0; i < 4; i++) {
      Fixtures.write(
          corpus,
          "site/" + i + ".txt",
          "Story "
              + i
              + "\n\nThe caravan number "
              + i
              + " reached Şəki and Ходжалы.\nZeplinmenu Sections Contacts\n"
              + "It rested there.\n\nSee more");
    }
    Fixtures.reindex(corpus, index, true);
    int checked = 0;
    int stemsChecked = 0;
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Analyzer perField = new FieldAnalyzers(analyzers).indexing();
      Set<String> fieldsSeen = new HashSet<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        StoredFields stored = r.storedFields();
        Map<Integer, Document> docs = new HashMap<>();
        for (FieldInfo info : r.getFieldInfos()) {
          String name = info.getName();
          boolean title = ANALYSED_TITLES.contains(name);
          if (!title && !ANALYSED_TEXTS.contains(name)) {
            continue;
          }
          Language language = LANGUAGE_TEXTS.get(name);
          if (language != null) {
            assertEquals(IndexOptions.DOCS_AND_FREQS, info.getIndexOptions(), name);
            fieldsSeen.add(name);
            stemsChecked += everyStemIsAWordOfTheFoldedField(r, name, language);
            continue;
          }
          assertEquals(
              IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, info.getIndexOptions(), name);
          fieldsSeen.add(name);
          Terms terms = r.terms(name);
          if (terms == null) {
            continue; // every document has every analysed field, empty where it has no such text
          }
          TermsEnum te = terms.iterator();
          for (BytesRef term = te.next(); term != null; term = te.next()) {
            String word = term.utf8ToString();
            PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
            for (int doc = postings.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = postings.nextDoc()) {
              Document d = docs.computeIfAbsent(doc, k -> document(stored, k));
              String value = d.get(title ? Fields.TITLE : Fields.TEXT);
              for (int i = 0; i < postings.freq(); i++) {
                postings.nextPosition();
                int start = postings.startOffset();
                int end = postings.endOffset();
                assertTrue(0 <= start && start < end && end <= value.length(), name + " " + word);
                String source = value.substring(start, end);
                assertTrue(
                    tokens(perField, name, source).contains(word),
                    name + ": " + word + " is not a token of \"" + source + "\"");
                checked++;
              }
            }
          }
        }
      }
      assertTrue(
          fieldsSeen.containsAll(
              List.of(
                  "title_en",
                  "text_en",
                  "text_az",
                  Fields.TITLE_FOLDED,
                  Fields.TEXT_FOLDED,
                  Fields.TEXT_XSCRIPT)),
          fieldsSeen.toString());
    }
    assertTrue(checked > 500, "checked " + checked + " offsets");
    assertTrue(stemsChecked > 200, "checked " + stemsChecked + " stems");
  }

  /**
   * A language text field has no offsets: each of its stems is marked through the folded words
   * recorded for it in {@link Fields#TEXT_FORMS} (or the stem itself, where that is the folded
   * word), so each document with the stem must have one of those words in its folded text.
   */
  private static int everyStemIsAWordOfTheFoldedField(LeafReader r, String field, Language language)
      throws IOException {
    int checked = 0;
    if (r.terms(field) == null) {
      return 0; // a language with no text in this segment: its field is there, empty
    }
    TermsEnum stems = r.terms(field).iterator();
    Terms pairs = r.terms(Fields.TEXT_FORMS);
    TermsEnum folded = r.terms(Fields.TEXT_FOLDED).iterator();
    for (BytesRef stem = stems.next(); stem != null; stem = stems.next()) {
      String s = stem.utf8ToString();
      Set<String> words = new HashSet<>(List.of(s));
      BytesRef prefix = StemForms.prefix(language, s);
      TermsEnum pair = pairs.iterator();
      if (pair.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
        for (BytesRef p = pair.term();
            p != null && StringHelper.startsWith(p, prefix);
            p = pair.next()) {
          words.add(StemForms.word(s, p, prefix.length));
        }
      }
      PostingsEnum docs = stems.postings(null, PostingsEnum.NONE);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        boolean found = false;
        for (String word : words) {
          if (folded.seekExact(new BytesRef(word))) {
            PostingsEnum has = folded.postings(null, PostingsEnum.NONE);
            found |= has.advance(doc) == doc;
          }
        }
        assertTrue(found, field + ": stem " + s + " of doc " + doc + " has no word among " + words);
        checked++;
      }
    }
    return checked;
  }

  private static Document document(StoredFields stored, int doc) {
    try {
      return stored.document(doc);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
