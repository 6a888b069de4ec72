package org.sandiq.search;

/**
 * One document of a ranking without its display parts: what an evaluation run needs.
 *
 * @param id the document id
 * @param url the document's URL
 * @param score the ranking score
 */
public record RankedDocument(String id, String url, float score) {}
