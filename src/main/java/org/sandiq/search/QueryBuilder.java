package org.sandiq.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.sandiq.analysis.Detection;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.Fields;

/**
 * Turns the text a user typed into a Lucene query over every language's title and text fields, the
 * folded fields and the cross-script fields, weighted by {@link FieldWeights}.
 *
 * <p>The syntax is Lucene's classic one, with Sandiq's own fields: words (all must match), {@code
 * "phrases"} and {@code "phrases"~3}, {@code OR}, {@code -exclude}, parentheses, {@code prefix*},
 * {@code fuzzy~}, {@code title:word}, {@code site:host}, {@code lang:az}, {@code collection:name},
 * {@code after:2020-01-01} and {@code before:2021} (a year, a month {@code 2021-03} or a day). Each
 * word may match in any field; titles weigh more than text, and a match in a language field (exact
 * word or stem) adds to the folded match, so the real spelling ranks above an ASCII-typed one.
 * Other Lucene syntax (other field names, regular expressions, ranges, boosts) is searched as text.
 */
final class QueryBuilder {
  /** Words this long or longer are matched with typos when the query is relaxed to fuzzy. */
  static final int FUZZY_MIN_CHARS = 5;

  /** The field names a user may type before a colon. */
  static final Set<String> USER_FIELDS =
      Set.of("title", "site", "lang", "collection", "after", "before");

  /** How strictly the words of a query must match. */
  enum Mode {
    /** Every word (the default). */
    ALL,
    /** Any word. */
    ANY,
    /** Any word, and words of {@value #FUZZY_MIN_CHARS}+ letters also with typos. */
    FUZZY
  }

  private final Analyzer analyzer;
  private final SearchLimits limits;
  private final FieldWeights weights = new FieldWeights();
  private final LanguageDetector detector;
  private final AnalysisProfile profile;
  private final String[] titleFields;

  QueryBuilder(Analyzer perFieldAnalyzer) {
    this(perFieldAnalyzer, SearchLimits.DEFAULT, new LanguageDetector());
  }

  QueryBuilder(Analyzer perFieldAnalyzer, SearchLimits limits, LanguageDetector detector) {
    this(perFieldAnalyzer, limits, detector, AnalysisProfile.MULTILINGUAL);
  }

  /**
   * @param detector names the query's language, whose fields then weigh more (see {@link
   *     FieldWeights})
   */
  QueryBuilder(
      Analyzer perFieldAnalyzer,
      SearchLimits limits,
      LanguageDetector detector,
      AnalysisProfile profile) {
    this.analyzer = perFieldAnalyzer;
    this.limits = limits;
    this.detector = detector;
    this.profile = profile;
    // title: searches every title field but the cross-script one (its name keys are too loose
    // for a field the user named).
    this.titleFields =
        profile.titleFields().stream()
            .filter(f -> !f.equals(Fields.TITLE_XSCRIPT))
            .toArray(String[]::new);
  }

  /** Only content documents: the filter under every search. */
  static Query contentDocuments() {
    return new TermQuery(new Term(Fields.KIND, Fields.KIND_CONTENT));
  }

  /**
   * Plans {@code text}: checks it, detects its language once and parses it with every word
   * required. The plan builds the relaxed forms from the same detection.
   *
   * @throws InvalidRequestException with a message that says what is wrong and where
   */
  QueryPlan plan(String text) {
    if (text.length() > limits.maxQueryChars()) {
      throw new InvalidRequestException(
          "query too long: "
              + text.length()
              + " characters (at most "
              + limits.maxQueryChars()
              + ")");
    }
    checkBalanced(text);
    Detection detection =
        profile.detectsLanguages()
            ? detector.detect(FieldWeights.words(text))
            : Detection.UNDETERMINED;
    return new QueryPlan(text, detection, this);
  }

  /** Parses {@code text} with every word required (a plan's strict query). */
  Query parse(String text) {
    return plan(text).strict();
  }

  /**
   * Parses {@code text} in {@code mode}, with the fields and weights of {@code detection}: what
   * {@link QueryPlan} calls, once per form it needs.
   */
  Query parse(String text, Mode mode, Detection detection) {
    Map<String, Float> boosts = weights.forQuery(profile, detection);
    QueryFields fields = new QueryFields(boosts, detection, profile.detectsLanguages());
    UserQueryParser parser =
        new UserQueryParser(
            fields,
            analyzer,
            boosts,
            titleFields,
            mode,
            limits,
            profile.hasVariantFields()
                ? List.of(Fields.TITLE_FOLDED, Fields.TEXT_FOLDED)
                : List.of(profile.titleFields().get(0), profile.textFields().get(0)));
    parser.setMultiTermRewriteMethod(
        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(limits.maxExpansions()));
    parser.setDefaultOperator(
        mode == Mode.ALL ? QueryParser.Operator.AND : QueryParser.Operator.OR);
    parser.setAllowLeadingWildcard(false);
    // The first letter of a typo'd word is kept: it bounds the automaton's work on the term
    // dictionary tenfold, and a wrong first letter is mostly a spelling convention (Kh/X/H), which
    // the cross-script fields match.
    parser.setFuzzyPrefixLength(1);
    parser.setSplitOnWhitespace(true);
    try {
      // Filters written at the top level (site:, lang:, after:, before:) always apply, even when
      // the words are relaxed; so they are taken out and added as filter clauses.
      BooleanQuery.Builder filtered = new BooleanQuery.Builder();
      String words =
          TopLevelFilters.extract(
              text,
              (negated, field, value) -> {
                Query filter = parser.getFieldQuery(field, value, false);
                filtered.add(
                    filter, negated ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.FILTER);
              });
      Query query = words.isBlank() ? null : parser.parse(escapeUnsupported(words));
      if (words.isBlank()) {
        query = contentDocuments();
      } else if (query == null) {
        query = new MatchNoDocsQuery();
      }
      BooleanQuery built = filtered.build();
      if (!built.clauses().isEmpty()) {
        filtered.add(query, BooleanClause.Occur.MUST);
        query = filtered.build();
      }
      checkClauses(query);
      return query;
    } catch (ParseException e) {
      throw new InvalidRequestException("cannot parse the query: " + firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "the query expands to too many terms: make prefixes and fuzzy words longer");
    }
  }

  /** Epoch ms at the start of {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd} (UTC). */
  static long startOf(String text) {
    return parseDay(text, "after:/before:").atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** The first day named by {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd}. */
  static LocalDate parseDay(String text, String what) {
    String s = text.strip();
    try {
      if (s.matches("\\d{4}")) {
        return LocalDate.of(Integer.parseInt(s), 1, 1);
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        return LocalDate.parse(s + "-01");
      }
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          "bad date '" + s + "' in " + what + ": use 2021, 2021-03 or 2021-03-15");
    }
  }

  /**
   * Escapes the parts of Lucene's syntax Sandiq does not offer, so they are read as text: colons
   * other than after a user field ({@code title:}, {@code site:} …), regular expressions ({@code
   * /}), boosts, ranges and {@code !}. A URL or a time like {@code 12:30} then searches as words.
   */
  static String escapeUnsupported(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ':' -> {
          if (!afterUserField(text, i)) {
            out.append('\\');
          }
          out.append(c);
        }
        case '/', '\\', '^', '{', '}', '[', ']', '!', '&', '|' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean afterUserField(String text, int colon) {
    int start = colon;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    boolean atBoundary = start == 0 || " \t(+-\"".indexOf(text.charAt(start - 1)) >= 0;
    boolean followed = colon + 1 < text.length() && !Character.isWhitespace(text.charAt(colon + 1));
    return atBoundary
        && followed
        && USER_FIELDS.contains(text.substring(start, colon).toLowerCase(Locale.ROOT));
  }

  /** Refuses a query with more leaf clauses (terms, phrases, patterns) than the limit. */
  private void checkClauses(Query query) {
    int leaves = clauses(query);
    if (leaves > limits.maxClauses()) {
      throw new InvalidRequestException(
          "query too complex: "
              + leaves
              + " clauses across fields (at most "
              + limits.maxClauses()
              + "); use fewer words or operators");
    }
  }

  /** Whether {@code query} has no more clauses (words × fields) than the limit allows. */
  boolean withinClauseLimit(Query query) {
    return clauses(query) <= limits.maxClauses();
  }

  /** The leaf clauses of {@code query}: each term, each term pattern, each other leaf. */
  private static int clauses(Query query) {
    int[] leaves = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            leaves[0]++;
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, java.util.function.Supplier<ByteRunAutomaton> automaton) {
            leaves[0]++;
          }

          @Override
          public void visitLeaf(Query q) {
            leaves[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return leaves[0];
  }

  /** Reports the first unbalanced quote or parenthesis, with its 1-based position. */
  static void checkBalanced(String text) {
    int openQuote = -1;
    int depth = 0;
    int lastOpenParen = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        openQuote = openQuote < 0 ? i : -1;
      } else if (openQuote < 0 && c == '(') {
        depth++;
        lastOpenParen = i;
      } else if (openQuote < 0 && c == ')') {
        if (depth == 0) {
          throw new InvalidRequestException(
              "unbalanced parenthesis at position " + (i + 1) + ": ')' without '('");
        }
        depth--;
      }
    }
    if (openQuote >= 0) {
      throw new InvalidRequestException(
          "unbalanced quote at position " + (openQuote + 1) + ": close the phrase with '\"'");
    }
    if (depth > 0) {
      throw new InvalidRequestException(
          "unbalanced parenthesis at position " + (lastOpenParen + 1) + ": '(' without ')'");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    String line = message.lines().findFirst().orElse(message);
    // Lucene's messages start with "Cannot parse '<the query>': "; the user knows the query.
    int cut = line.indexOf("': ");
    line = (cut > 0 ? line.substring(cut + 3) : line).strip();
    // "... at line 1, column 7." -> "... at position 7"
    return line.replaceAll("at line 1, column (\\d+)\\.?", "at position $1");
  }

  /** A query matching every content document (an empty search box browses the archive). */
  static Query all() {
    return new BooleanQuery.Builder().add(contentDocuments(), BooleanClause.Occur.FILTER).build();
  }
}
