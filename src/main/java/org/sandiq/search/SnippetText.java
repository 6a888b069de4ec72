package org.sandiq.search;

/**
 * How plain text becomes what a hit shows: one line, HTML-escaped, and for a hit without a marked
 * passage its opening words, cut at a word. Hand-written loops rather than regular expressions,
 * since every shown title and snippet goes through them ({@code SnippetTextTest} holds them to the
 * expressions they replaced).
 */
final class SnippetText {
  private SnippetText() {}

  /**
   * A snippet is one line: each run of whitespace ({@code [ \t\n\x0B\f\r]}, what the regular
   * expression {@code \s} matches) becomes one space, and the ends are stripped. A loop rather than
   * a regular expression: every shown title and snippet goes through it.
   */
  static String flatten(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        if (!inRun) {
          out.append(' ');
          inRun = true;
        }
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString().strip();
  }

  /**
   * The first words of {@code text}, escaped, cut at a word boundary. Only a prefix long enough to
   * give the cut is flattened (a title match on a long text used to flatten all of it): the
   * flattened prefix is a prefix of the flattened text, so the cut is the same.
   */
  static String opening(String text) {
    int limit = 2 * Snippets.PASSAGE_CHARS;
    int end = Math.min(text.length(), 4 * limit);
    String flat = flatten(text.subSequence(0, end));
    while (end < text.length() && flat.length() <= limit + 1) {
      end = (int) Math.min(text.length(), 2L * end);
      flat = flatten(text.subSequence(0, end));
    }
    if (flat.length() > limit) {
      int cut = flat.lastIndexOf(' ', limit);
      flat = flat.substring(0, cut > Snippets.PASSAGE_CHARS ? cut : limit) + " …";
    }
    return escape(flat);
  }

  /** {@code s} safe to put into HTML text or an attribute value. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
