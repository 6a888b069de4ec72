package org.sandiq.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;

/**
 * Encodes where a page of hits ended, so the next page continues from there ({@code searchAfter})
 * instead of collecting and skipping every earlier hit: deep paging at constant cost.
 *
 * <p>A cursor holds the last hit's Lucene doc id, its score and, when sorting by date, its date. It
 * is opaque to clients (URL-safe Base64). Doc ids can shift when the index changes, so a cursor
 * taken before a reindex may skip or repeat a few hits; it never fails.
 */
final class Cursors {
  private static final String VERSION = "c1";

  private Cursors() {}

  static String encode(ScoreDoc last, SearchRequest.SortOrder sort) {
    String date = "";
    if (last instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 0) {
      date = String.valueOf(fd.fields[0]);
    }
    String raw = VERSION + ":" + sort.name() + ":" + last.doc + ":" + last.score + ":" + date;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hit {@code cursor} points after.
   *
   * @throws InvalidRequestException when the cursor is not one Sandiq made for this sort order
   */
  static FieldDoc decode(String cursor, SearchRequest.SortOrder sort) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", -1);
      if (parts.length != 5 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("unknown format");
      }
      if (!parts[1].equals(sort.name())) {
        throw new InvalidRequestException(
            "the cursor belongs to sort="
                + parts[1].toLowerCase(java.util.Locale.ROOT)
                + "; ask again without a cursor to change the order");
      }
      int doc = Integer.parseInt(parts[2]);
      float score = Float.parseFloat(parts[3]);
      if (sort == SearchRequest.SortOrder.RELEVANCE) {
        return new FieldDoc(doc, score);
      }
      return new FieldDoc(doc, score, new Object[] {Long.parseLong(parts[4]), score});
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "invalid cursor: pass the nextCursor of a previous response unchanged");
    }
  }
}
