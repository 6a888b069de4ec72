package org.sandiq.search;

import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.sandiq.index.CaptureKeys;
import org.sandiq.index.Fields;

/**
 * A query that asks for the captures of a URL rather than for words: a URL alone ({@code
 * https://example.org/page}) or {@code url:} and a URL, with or without a scheme; a trailing {@code
 * *} asks for every URL under that prefix ({@code url:example.org/news/*}). It is looked up by the
 * capture key ({@link Fields#URL_KEY}), so {@code www.}, the scheme, a trailing slash and tracking
 * parameters do not matter.
 *
 * @param key the capture key, or its prefix
 * @param prefix whether every key starting with {@code key} matches
 */
record CaptureQuery(String key, boolean prefix) {

  /** The capture query {@code text} is, or null when it is an ordinary query. */
  static CaptureQuery parse(String text) {
    String t = text.strip();
    boolean explicit = t.regionMatches(true, 0, "url:", 0, 4);
    if (explicit) {
      t = t.substring(4).strip();
    } else if (!t.toLowerCase(Locale.ROOT).matches("https?://\\S+")) {
      return null;
    }
    if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidRequestException(
          "url: takes one URL, like url:example.org/page or url:example.org/news/*");
    }
    boolean prefix = t.endsWith("*");
    if (prefix) {
      t = t.substring(0, t.length() - 1);
    }
    String key = CaptureKeys.of(t);
    if (key == null) {
      if (explicit) {
        throw new InvalidRequestException(
            "url:" + t + " is not a web address: give a host, like url:example.org/page");
      }
      return null;
    }
    if (prefix && t.endsWith("/") && !key.endsWith("/")) {
      key = key + "/"; // "under this folder", not every path that starts with its letters
    }
    return new CaptureQuery(key, prefix);
  }

  /** The query over the capture keys. */
  Query query() {
    Term term = new Term(Fields.URL_KEY, key);
    return prefix ? new PrefixQuery(term) : new TermQuery(term);
  }
}
