package org.sandiq.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.Fields;

/**
 * Turns the text a user typed into a Lucene query over every language's title and text fields, the
 * folded fields and the cross-script fields.
 *
 * <p>The syntax is Lucene's classic one, minus field names and regular expressions: words (all must
 * match), {@code "phrases"}, {@code OR}, {@code -exclude}, parentheses, {@code prefix*} and {@code
 * fuzzy~}. Each word may match in any field, weighted by {@link FieldWeights} for the query's
 * detected language; a match in a language field (exact word or stem) adds to the folded match, so
 * the real spelling ranks above an ASCII-typed one.
 */
final class QueryBuilder {
  /** Longest query accepted, in characters. */
  static final int MAX_QUERY_CHARS = 1000;

  private final Analyzer analyzer;
  private final FieldWeights weights;
  private final LanguageDetector detector;

  QueryBuilder(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
    this.weights = new FieldWeights();
    this.detector = new LanguageDetector();
  }

  /** Only content documents: the filter under every search. */
  static Query contentDocuments() {
    return new TermQuery(new Term(Fields.KIND, Fields.KIND_CONTENT));
  }

  /**
   * Parses {@code text}.
   *
   * @throws InvalidRequestException with a message that says what is wrong and where
   */
  Query parse(String text) {
    if (text.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "query too long: " + text.length() + " characters (at most " + MAX_QUERY_CHARS + ")");
    }
    checkBalanced(text);
    Map<String, Float> boosts = weights.forQuery(detector.detect(FieldWeights.words(text)));
    String[] fields = boosts.keySet().stream().sorted().toArray(String[]::new);
    MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer, boosts);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    try {
      Query query = parser.parse(escapeUnsupported(text));
      return query == null ? new MatchNoDocsQuery() : query;
    } catch (ParseException e) {
      throw new InvalidRequestException("cannot parse the query: " + firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "the query expands to too many terms: make prefixes and fuzzy words longer");
    }
  }

  /**
   * Escapes the parts of Lucene's syntax Sandiq does not offer, so they are read as text: field
   * names ({@code :}), regular expressions ({@code /}), boosts, ranges and {@code !}. A URL or a
   * date like {@code 12:30} then searches as words.
   */
  static String escapeUnsupported(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ':', '/', '\\', '^', '{', '}', '[', ']', '!', '&', '|' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
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
    return (cut > 0 ? line.substring(cut + 3) : line).strip();
  }

  /** A query matching every content document (an empty search box browses the archive). */
  static Query all() {
    return new BooleanQuery.Builder()
        .add(contentDocuments(), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .build();
  }
}
