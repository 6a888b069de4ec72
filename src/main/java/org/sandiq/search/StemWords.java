package org.sandiq.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.StemForms;
import org.sandiq.index.Fields;

/**
 * The words a query's stems stand for in a page of hits, to mark them: a language text field
 * indexed without offsets ({@link Fields#text}) is marked through the folded field instead. Each
 * stem the query asks of such a field becomes the stem itself (the words whose folded spelling it
 * is) and the folded words the index recorded it for ({@link Fields#TEXT_FORMS}: one prefix seek
 * per stem and segment) in one of the hits, as terms of {@link Fields#TEXT_FOLDED}, whose postings
 * have offsets. Only the hits' own words: a common stem has hundreds of words in a large index, and
 * the highlighter looks each of its terms up in every hit.
 */
final class StemWords {
  /**
   * At most this many recorded words are looked at per stem and segment: far more than a stem has
   * in practice (a Turkish or Russian one has dozens), while a stem with more cannot slow the
   * marking without bound.
   */
  static final int MAX_WORDS_PER_STEM = 1024;

  private StemWords() {}

  /**
   * {@code query} with the folded words of its terms in {@code fields} (language text fields by
   * name) in documents {@code docs} (searcher-wide ids) added as further optional terms, or {@code
   * query} itself when it has no such terms.
   */
  static Query expand(IndexSearcher searcher, Query query, Map<String, Language> fields, int[] docs)
      throws IOException {
    Set<Term> stems = new LinkedHashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return fields.containsKey(field);
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term term : terms) {
              if (fields.containsKey(term.field())) {
                stems.add(term);
              }
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
          }
        });
    if (stems.isEmpty()) {
      return query;
    }
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    Set<String> words = new LinkedHashSet<>();
    for (Term stem : stems) {
      words.add(stem.text());
      words.addAll(
          recorded(searcher.getIndexReader(), fields.get(stem.field()), stem.text(), sorted));
    }
    BooleanQuery.Builder expanded = new BooleanQuery.Builder();
    expanded.add(query, BooleanClause.Occur.SHOULD);
    for (String word : words) {
      expanded.add(new TermQuery(new Term(Fields.TEXT_FOLDED, word)), BooleanClause.Occur.SHOULD);
    }
    return expanded.build();
  }

  /**
   * The folded words recorded for {@code stem} in {@code language} in any of {@code docs}
   * (searcher-wide ids, ascending).
   */
  static Set<String> recorded(IndexReader reader, Language language, String stem, int[] docs)
      throws IOException {
    BytesRef prefix = StemForms.prefix(language, stem);
    Set<String> words = new LinkedHashSet<>();
    PostingsEnum postings = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      int from = lowerBound(docs, leaf.docBase);
      int to = lowerBound(docs, leaf.docBase + leaf.reader().maxDoc());
      Terms terms = from == to ? null : leaf.reader().terms(Fields.TEXT_FORMS);
      if (terms == null) {
        continue;
      }
      TermsEnum pairs = terms.iterator();
      if (pairs.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      int looked = 0;
      for (BytesRef pair = pairs.term();
          pair != null && StringHelper.startsWith(pair, prefix) && looked < MAX_WORDS_PER_STEM;
          pair = pairs.next(), looked++) {
        postings = pairs.postings(postings, PostingsEnum.NONE);
        if (inAny(postings, docs, from, to, leaf.docBase)) {
          String word = StemForms.word(stem, pair, prefix.length);
          if (word != null) {
            words.add(word);
          }
        }
      }
    }
    return words;
  }

  /** Whether {@code postings} has one of {@code docs[from..to)} (ascending, less {@code base}). */
  private static boolean inAny(PostingsEnum postings, int[] docs, int from, int to, int base)
      throws IOException {
    for (int i = from; i < to; i++) {
      int doc = docs[i] - base;
      int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
      if (at == doc) {
        return true;
      }
      if (at == DocIdSetIterator.NO_MORE_DOCS) {
        return false;
      }
    }
    return false;
  }

  /** The first index of ascending {@code docs} whose value is at least {@code doc}. */
  private static int lowerBound(int[] docs, int doc) {
    int i = Arrays.binarySearch(docs, doc);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && docs[i - 1] == doc) {
      i--;
    }
    return i;
  }
}
