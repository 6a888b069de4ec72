package org.sandiq.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The reference Sandiq is measured against: plain Lucene with one built-in analyzer, BM25 (k1 0.9,
 * b 0.4, Anserini's defaults) over a title and a text field, every query word in either field (OR).
 * Nothing of Sandiq's is involved, so the figure is what an out-of-the-box Lucene gives.
 */
public final class StandardBaseline implements Retriever {
  private static final String ID = "id";
  private static final String TITLE = "title";
  private static final String TEXT = "text";

  /** The built-in analyzers a baseline can use, by the name the command line takes. */
  public enum Kind {
    STANDARD,
    ENGLISH,
    RUSSIAN,
    TURKISH;

    Analyzer analyzer() {
      return switch (this) {
        case STANDARD -> new StandardAnalyzer();
        case ENGLISH -> new EnglishAnalyzer();
        case RUSSIAN -> new RussianAnalyzer();
        case TURKISH -> new TurkishAnalyzer();
      };
    }

    /** The name as typed: {@code standard}, {@code english} … */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private StandardBaseline(Analyzer analyzer, ByteBuffersDirectory directory) throws IOException {
    this.analyzer = analyzer;
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(0.9f, 0.4f));
  }

  /** Indexes {@code documents} in memory with the analyzer of {@code kind}. */
  public static StandardBaseline index(List<TestCollection.Document> documents, Kind kind)
      throws IOException {
    Analyzer analyzer = kind.analyzer();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(new BM25Similarity(0.9f, 0.4f));
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (TestCollection.Document doc : documents) {
        Document d = new Document();
        d.add(new StoredField(ID, doc.id()));
        d.add(new TextField(TITLE, doc.title(), Field.Store.NO));
        d.add(new TextField(TEXT, doc.text(), Field.Store.NO));
        writer.addDocument(d);
      }
    }
    return new StandardBaseline(analyzer, directory);
  }

  @Override
  public List<String> rank(TestCollection.Query query, int depth) {
    try {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      int clauses = 0;
      for (String term : terms(query.text())) {
        if (clauses + 2 > IndexSearcher.getMaxClauseCount()) {
          break;
        }
        q.add(new TermQuery(new Term(TITLE, term)), BooleanClause.Occur.SHOULD);
        q.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
        clauses += 2;
      }
      List<String> ids = new ArrayList<>();
      var stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(q.build(), depth).scoreDocs) {
        ids.add(stored.document(hit.doc).get(ID));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> terms(String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
