package org.sandiq.ingest;

/** How much of an HTML page becomes the document's text. */
public enum Extraction {
  /** The article only: navigation, teasers, widgets, comments and footers are dropped. */
  MAIN_TEXT,
  /**
   * Every visible text of the page (scripts and styles aside): the baseline that extraction is
   * measured against, as {@code html-text} is in the published benchmarks.
   */
  WHOLE_PAGE
}
