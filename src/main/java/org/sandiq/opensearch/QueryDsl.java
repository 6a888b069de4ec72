package org.sandiq.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Translates the Lucene queries Sandiq's planner builds into OpenSearch's query DSL, clause by
 * clause: the same fields, the same analysed terms (Sandiq analyses the query words, with the
 * analyzers the plugin gives the index), the same weights, the same boolean logic. So a search on
 * OpenSearch probes exactly the terms an embedded search probes.
 *
 * <ul>
 *   <li>Boolean, boost, term, prefix, wildcard, fuzzy, date range, dis-max and constant-score
 *       queries map one to one ({@code term}, {@code prefix}, {@code wildcard} and {@code fuzzy}
 *       with the embedded limit on expansions, scored by {@code top_terms_blended_freqs_N}, as
 *       embedded).
 *   <li>A phrase maps to {@code match_phrase} of its analysed terms with the {@code whitespace}
 *       analyzer (so they are not analysed twice); a gap a removed word left is added to the slop.
 *   <li>Two spellings at one position (a {@code SynonymQuery} from the variant filters) map to a
 *       {@code bool} of {@code should} terms: OpenSearch has no query that scores several terms as
 *       one, so a document holding both variants scores a little higher than embedded. A phrase
 *       with such a position maps to {@code span_near} of {@code span_or}s (scored as spans).
 * </ul>
 */
final class QueryDsl {
  private final int maxExpansions;

  /**
   * @param maxExpansions the most terms a prefix, wildcard or fuzzy word may expand to
   */
  QueryDsl(int maxExpansions) {
    this.maxExpansions = maxExpansions;
  }

  /** {@code query} as a DSL object (maps and lists, ready for JSON). */
  Map<String, Object> of(Query query) {
    return translate(query, 1f);
  }

  private Map<String, Object> translate(Query query, float boost) {
    if (query instanceof BoostQuery b) {
      return translate(b.getQuery(), boost * b.getBoost());
    }
    if (query instanceof BooleanQuery bool) {
      return bool(bool, boost);
    }
    if (query instanceof TermQuery term) {
      return leaf("term", term.getTerm(), boost, Map.of());
    }
    if (query instanceof SynonymQuery synonyms) {
      List<Object> should = new ArrayList<>();
      for (Term term : synonyms.getTerms()) {
        should.add(leaf("term", term, 1f, Map.of()));
      }
      return Map.of("bool", withBoost(Map.of("should", should), boost));
    }
    if (query instanceof PhraseQuery phrase) {
      return phrase(phrase, boost);
    }
    if (query instanceof MultiPhraseQuery phrase) {
      return spanPhrase(phrase, boost);
    }
    if (query instanceof FuzzyQuery fuzzy) {
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("fuzziness", fuzzy.getMaxEdits());
      options.put("prefix_length", fuzzy.getPrefixLength());
      options.put("max_expansions", maxExpansions);
      options.put("transpositions", fuzzy.getTranspositions());
      options.put("rewrite", rewrite());
      return leaf("fuzzy", fuzzy.getTerm(), boost, options);
    }
    if (query instanceof PrefixQuery prefix) {
      return leaf("prefix", prefix.getPrefix(), boost, Map.of("rewrite", rewrite()));
    }
    if (query instanceof WildcardQuery wildcard) {
      return leaf("wildcard", wildcard.getTerm(), boost, Map.of("rewrite", rewrite()));
    }
    if (query instanceof IndexOrDocValuesQuery either) {
      return translate(either.getIndexQuery(), boost);
    }
    if (query instanceof PointRangeQuery range) {
      return range(range, boost);
    }
    if (query instanceof ConstantScoreQuery constant) {
      return Map.of(
          "constant_score", withBoost(Map.of("filter", translate(constant.getQuery(), 1f)), boost));
    }
    if (query instanceof DisjunctionMaxQuery disMax) {
      List<Object> queries = new ArrayList<>();
      for (Query q : disMax.getDisjuncts()) {
        queries.add(translate(q, 1f));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("queries", queries);
      body.put("tie_breaker", disMax.getTieBreakerMultiplier());
      return Map.of("dis_max", withBoost(body, boost));
    }
    if (query instanceof MatchAllDocsQuery) {
      return Map.of("match_all", withBoost(Map.of(), boost));
    }
    if (query instanceof MatchNoDocsQuery) {
      return Map.of("match_none", Map.of());
    }
    throw new IllegalArgumentException(
        "no OpenSearch form for " + query.getClass().getSimpleName() + ": " + query);
  }

  private Map<String, Object> bool(BooleanQuery bool, float boost) {
    Map<String, List<Object>> clauses = new LinkedHashMap<>();
    for (BooleanClause clause : bool.clauses()) {
      String occur =
          switch (clause.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
      clauses.computeIfAbsent(occur, k -> new ArrayList<>()).add(translate(clause.query(), 1f));
    }
    Map<String, Object> body = new LinkedHashMap<>(clauses);
    if (bool.getMinimumNumberShouldMatch() > 0) {
      body.put("minimum_should_match", bool.getMinimumNumberShouldMatch());
    }
    return Map.of("bool", withBoost(body, boost));
  }

  private static Map<String, Object> phrase(PhraseQuery phrase, float boost) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (terms.length == 0) {
      return Map.of("match_none", Map.of());
    }
    if (terms.length == 1) {
      return leaf("term", terms[0], boost, Map.of());
    }
    StringBuilder words = new StringBuilder();
    int gaps = 0;
    for (int i = 0; i < terms.length; i++) {
      if (i > 0) {
        words.append(' ');
        gaps += positions[i] - positions[i - 1] - 1;
      }
      words.append(terms[i].text());
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("query", words.toString());
    options.put("analyzer", "whitespace");
    options.put("slop", phrase.getSlop() + gaps);
    return Map.of("match_phrase", Map.of(terms[0].field(), withBoost(options, boost)));
  }

  private static Map<String, Object> spanPhrase(MultiPhraseQuery phrase, float boost) {
    List<Object> clauses = new ArrayList<>();
    Term[][] positions = phrase.getTermArrays();
    int[] at = phrase.getPositions();
    int gaps = 0;
    for (int i = 0; i < positions.length; i++) {
      if (i > 0) {
        gaps += at[i] - at[i - 1] - 1;
      }
      List<Object> any = new ArrayList<>();
      for (Term term : positions[i]) {
        any.add(Map.of("span_term", Map.of(term.field(), term.text())));
      }
      clauses.add(any.size() == 1 ? any.get(0) : Map.of("span_or", Map.of("clauses", any)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clauses", clauses);
    body.put("slop", phrase.getSlop() + gaps);
    body.put("in_order", phrase.getSlop() == 0);
    return Map.of("span_near", withBoost(body, boost));
  }

  private static Map<String, Object> range(PointRangeQuery range, float boost) {
    long lower = LongPoint.decodeDimension(range.getLowerPoint(), 0);
    long upper = LongPoint.decodeDimension(range.getUpperPoint(), 0);
    Map<String, Object> bounds = new LinkedHashMap<>();
    if (lower != Long.MIN_VALUE) {
      bounds.put("gte", lower);
    }
    if (upper != Long.MAX_VALUE) {
      bounds.put("lte", upper);
    }
    bounds.put("format", "epoch_millis");
    return Map.of("range", Map.of(range.getField(), withBoost(bounds, boost)));
  }

  private String rewrite() {
    return "top_terms_blended_freqs_" + maxExpansions;
  }

  private static Map<String, Object> leaf(
      String kind, Term term, float boost, Map<String, Object> options) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("value", term.text());
    body.putAll(options);
    return Map.of(kind, Map.of(term.field(), withBoost(body, boost)));
  }

  private static Map<String, Object> withBoost(Map<String, Object> body, float boost) {
    if (boost == 1f) {
      return body;
    }
    Map<String, Object> boosted = new LinkedHashMap<>(body);
    boosted.put("boost", boost);
    return boosted;
  }
}
