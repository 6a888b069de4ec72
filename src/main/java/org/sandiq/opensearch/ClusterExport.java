package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.sandiq.index.Fields;
import org.sandiq.search.ExportSink;
import org.sandiq.search.ExportedDocument;

/**
 * Streams every match of a query out of the cluster: counted first (more than the limit and nothing
 * is written), then read in pages of {@value #PAGE} through a point in time, so the export sees one
 * state of the index however long it runs, each page continuing after the last one's sort values
 * ({@code search_after}), handed to the sink hit by hit: memory stays one page.
 */
final class ClusterExport {
  static final int PAGE = 1000;
  private static final String KEEP_ALIVE = "2m";

  private final ClusterSearch search;
  private final ClusterClient cluster;
  private final String alias;

  ClusterExport(ClusterSearch search, ClusterClient cluster, String alias) {
    this.search = search;
    this.cluster = cluster;
    this.alias = alias;
  }

  long export(Query query, long max, boolean withText, ExportSink sink) throws IOException {
    long count = search.count(query);
    ExportSink.checkLimit(count, max);
    List<String> fields = new ArrayList<>(ExportedDocument.FIELDS);
    if (withText) {
      fields.add(Fields.TEXT);
    }
    String pit =
        search
            .call("POST", "/" + alias + "/_search/point_in_time?keep_alive=" + KEEP_ALIVE, null)
            .path("pit_id")
            .asText();
    long written = 0;
    try {
      JsonNode after = null;
      while (true) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", PAGE);
        body.put("query", search.dsl(query));
        body.put("pit", Map.of("id", pit, "keep_alive", KEEP_ALIVE));
        body.put("sort", List.of(Map.of(Fields.ID, "asc")));
        body.put("track_scores", true);
        body.put("track_total_hits", false);
        body.put("_source", Map.of("includes", fields));
        if (after != null) {
          body.put("search_after", after);
        }
        JsonNode hits = search.call("POST", "/_search", body).path("hits").path("hits");
        for (JsonNode hit : hits) {
          ClusterHit h =
              new ClusterHit((float) hit.path("_score").asDouble(0), null, hit.path("_source"));
          sink.accept(
              new ExportedDocument(
                  h.text(Fields.ID),
                  h.text(Fields.URL),
                  h.text(Fields.TITLE),
                  h.instant(Fields.DATE),
                  h.instant(Fields.CAPTURE_DATE),
                  h.text(Fields.LANG),
                  h.text(Fields.SITE),
                  h.text(Fields.COLLECTION),
                  h.score(),
                  withText ? h.text(Fields.TEXT) : null,
                  h.text(Fields.SOURCE)));
          written++;
          after = hit.get("sort");
        }
        if (hits.size() < PAGE) {
          return written;
        }
      }
    } finally {
      try {
        cluster.json("DELETE", "/_search/point_in_time", Map.of("pit_id", List.of(pit)));
      } catch (IOException e) {
        // it expires after KEEP_ALIVE anyway
      }
    }
  }
}
