package org.sandiq.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.sandiq.analysis.Language;
import org.sandiq.index.Fields;

/**
 * Lucene's classic query parser with Sandiq's user fields mapped to real fields and filters: each
 * word probes only the fields that can match it ({@link QueryFields}), weighted as {@link
 * FieldWeights} says; {@code title:}, {@code site:}, {@code lang:}, {@code collection:}, {@code
 * after:} and {@code before:} become field queries and filters; prefixes, wildcards and typo'd
 * words are bounded by {@link SearchLimits}. One parser per query, used by one thread ({@link
 * QueryBuilder} makes it).
 */
final class UserQueryParser extends MultiFieldQueryParser {
  private final QueryBuilder.Mode mode;
  private final String[] titleFields;

  /** What a quoted {@code title:"..."} probes: the title field of the words themselves. */
  private final String[] exactTitleFields;

  private final SearchLimits limits;
  private final Map<String, Float> boosts;
  private final List<String> fuzzyFields;
  private final QueryFields choice;

  UserQueryParser(
      QueryFields choice,
      Analyzer analyzer,
      Map<String, Float> boosts,
      String[] titleFields,
      QueryBuilder.Mode mode,
      SearchLimits limits,
      List<String> fuzzyFields) {
    super(choice.all(), analyzer, boosts);
    this.choice = choice;
    this.boosts = boosts;
    this.fuzzyFields = fuzzyFields;
    this.titleFields = titleFields;
    this.exactTitleFields = new String[] {fuzzyFields.get(0)};
    this.mode = mode;
    this.limits = limits;
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    int literal = 0;
    while (literal < termStr.length() && "*?".indexOf(termStr.charAt(literal)) < 0) {
      literal++;
    }
    checkPrefix(termStr, literal);
    return field == null
        ? probing(termStr, () -> super.getWildcardQuery(null, termStr))
        : super.getWildcardQuery(field, termStr);
  }

  /**
   * Runs {@code parse} with {@link MultiFieldQueryParser}'s field list narrowed to the fields
   * {@code word} probes ({@link QueryFields}); the parser is used by one thread for one query.
   */
  private Query probing(String word, FieldQuery.Parse parse) throws ParseException {
    return probing(choice.forWord(word), parse);
  }

  /** Runs {@code parse} with the field list narrowed to {@code narrowed}. */
  private Query probing(String[] narrowed, FieldQuery.Parse parse) throws ParseException {
    String[] every = fields;
    fields = narrowed;
    try {
      return parse.run();
    } finally {
      fields = every;
    }
  }

  /**
   * Typo-tolerant words ({@code word~}, and the fuzzy relaxation) are matched in the folded fields
   * only: edit distance means little on stems, and a Levenshtein automaton run over every
   * language's term dictionary was what made a fuzzy search cost tens of milliseconds. Spelling
   * variants across scripts and conventions are the cross-script fields' job, not this one's.
   */
  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    if (field == null) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String folded : fuzzyFields) {
        Query q = super.getFuzzyQuery(folded, termStr, minSimilarity);
        if (q != null) {
          any.add(new BoostQuery(q, boosts.getOrDefault(folded, 1f)), BooleanClause.Occur.SHOULD);
        }
      }
      return any.build();
    }
    if (field.equalsIgnoreCase("title")) {
      return super.getFuzzyQuery(fuzzyFields.get(0), termStr, minSimilarity);
    }
    return super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  @Override
  protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
    int edits = Math.min(2, Math.max(0, (int) minimumSimilarity));
    return new FuzzyQuery(term, edits, prefixLength, limits.maxExpansions(), true);
  }

  private void checkPrefix(String termStr, int literal) {
    if (literal < limits.minPrefixChars()) {
      throw new InvalidRequestException(
          "'"
              + termStr
              + "': put at least "
              + limits.minPrefixChars()
              + " letters before * or ? (a shorter pattern matches too much)");
    }
  }

  @Override
  public Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field == null) {
      Query words =
          probing(
              quoted ? choice.exact(queryText) : choice.forWord(queryText),
              () -> super.getFieldQuery(null, queryText, quoted));
      if (mode != QueryBuilder.Mode.FUZZY
          || quoted
          || queryText.codePointCount(0, queryText.length()) < QueryBuilder.FUZZY_MIN_CHARS) {
        return words;
      }
      // Relaxed to typos: the exact words, or any word within two edits in any field.
      BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
      if (words != null) {
        fuzzy.add(words, BooleanClause.Occur.SHOULD);
      }
      fuzzy.add(getFuzzyQuery(null, queryText, 2), BooleanClause.Occur.SHOULD);
      return fuzzy.build();
    }
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "title" ->
          anyOf(
              quoted ? exactTitleFields : titleFields,
              f -> super.getFieldQuery(f, queryText, quoted));
      case "site" -> new TermQuery(new Term(Fields.SITE, site(queryText)));
      case "lang" -> new TermQuery(new Term(Fields.LANG, lang(queryText)));
      case "collection" -> new TermQuery(new Term(Fields.COLLECTION, queryText.strip()));
      case "after" ->
          LongPoint.newRangeQuery(Fields.DATE, QueryBuilder.startOf(queryText), Long.MAX_VALUE);
      case "before" ->
          LongPoint.newRangeQuery(Fields.DATE, Long.MIN_VALUE, QueryBuilder.startOf(queryText) - 1);
      default -> super.getFieldQuery(field, queryText, quoted);
    };
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (field == null) {
      return probing(choice.exact(queryText), () -> super.getFieldQuery(null, queryText, slop));
    }
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "title" -> anyOf(exactTitleFields, f -> super.getFieldQuery(f, queryText, slop));
      // A quoted filter value is just the value: site:"bbc.com" is site:bbc.com.
      case "site", "lang", "collection", "after", "before" ->
          getFieldQuery(field, queryText, false);
      default -> super.getFieldQuery(field, queryText, slop);
    };
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    checkPrefix(termStr + "*", termStr.length());
    if (field != null && field.equalsIgnoreCase("title")) {
      return anyOf(titleFields, f -> super.getPrefixQuery(f, termStr));
    }
    return field == null
        ? probing(termStr, () -> super.getPrefixQuery(null, termStr))
        : super.getPrefixQuery(field, termStr);
  }

  @FunctionalInterface
  private interface FieldQuery {
    Query of(String field) throws ParseException;

    /** A parse step run with narrowed fields. */
    @FunctionalInterface
    interface Parse {
      Query run() throws ParseException;
    }
  }

  private static Query anyOf(String[] fieldNames, FieldQuery perField) throws ParseException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean added = false;
    for (String f : fieldNames) {
      Query q = perField.of(f);
      if (q != null) {
        any.add(q, BooleanClause.Occur.SHOULD);
        added = true;
      }
    }
    return added ? any.build() : null;
  }

  private static String site(String text) {
    String site = text.strip().toLowerCase(Locale.ROOT);
    return site.startsWith("www.") ? site.substring(4) : site;
  }

  private static String lang(String text) {
    return Language.fromCode(text)
        .map(Language::code)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "unknown lang:" + text + " in the query: use az, en, ru, tr or und"));
  }
}
