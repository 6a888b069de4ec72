package org.sandiq.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How an index analyses text, chosen when it is built ({@code reindex --full --analyzer NAME}) and
 * recorded in the index, so searches and later incremental runs analyse alike.
 */
public enum AnalysisProfile {
  /**
   * Sandiq's own: language detection per document and passage, each language's analyzer, a folded
   * field and cross-script name keys (see {@code index.Fields}). The default.
   */
  MULTILINGUAL,
  /**
   * Lucene's {@code StandardAnalyzer} (no stop words) over one title and one text field, no
   * language detection, no folding, no cross-script keys: the analysis of the reference raw-Lucene
   * benchmark, so that a run with it measures what Sandiq's own pipeline (reading, cleaning,
   * mapping, HTTP, JSON) costs, apart from the multilingual analysis.
   */
  STANDARD;

  /** The name used on the command line and in the index: {@code multilingual}, {@code standard}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The profile named {@code code} (any case), or empty. */
  public static Optional<AnalysisProfile> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code().equalsIgnoreCase(code)).findFirst();
  }
}
