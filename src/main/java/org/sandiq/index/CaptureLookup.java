package org.sandiq.index;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Where the captures named by revisits lie, for {@link LuceneIndex#capturesNamed}: one
 * near-real-time reader of the writer, so the captures this run wrote and not yet committed are
 * found too, and one term lookup per name.
 */
final class CaptureLookup {
  private CaptureLookup() {}

  /** The source ({@code path#offset}) of a capture indexed under each name found, by name. */
  static Map<String, String> sources(IndexWriter writer, Collection<String> names)
      throws IOException {
    Map<String, String> sources = new HashMap<>();
    if (names.isEmpty()) {
      return sources;
    }
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      for (String name : names) {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.CAPTURE_NAMES, name)), 1);
        if (top.scoreDocs.length > 0) {
          String source =
              stored.document(top.scoreDocs[0].doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE);
          if (source != null) {
            sources.put(name, source);
          }
        }
      }
    }
    return sources;
  }
}
