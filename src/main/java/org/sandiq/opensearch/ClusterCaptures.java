package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sandiq.index.Fields;

/**
 * Where the captures named by revisits lie in a cluster's index, for {@link
 * OpenSearchIndex#capturesNamed}: the names asked a hundred at a time with a terms query, each hit
 * telling its source and its names. A batch whose hits fill a page (a payload digest shared by many
 * captures) asks for its names still missing one by one.
 */
final class ClusterCaptures {
  private static final int BATCH = 100;
  private static final int PAGE = 1_000;

  private ClusterCaptures() {}

  /** The source ({@code path#offset}) of a capture indexed under each name found, by name. */
  static Map<String, String> sources(ClusterClient cluster, String index, Collection<String> names)
      throws IOException {
    Map<String, String> sources = new HashMap<>();
    List<String> all = new ArrayList<>(new LinkedHashSet<>(names));
    for (int i = 0; i < all.size(); i += BATCH) {
      List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
      if (find(cluster, index, batch, PAGE, sources)) {
        for (String name : batch) {
          if (!sources.containsKey(name)) {
            find(cluster, index, List.of(name), 1, sources);
          }
        }
      }
    }
    return sources;
  }

  /** Adds the source of a capture for each of {@code names} found; true when the page was full. */
  private static boolean find(
      ClusterClient cluster, String index, List<String> names, int size, Map<String, String> found)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", size);
    body.put("query", Map.of("terms", Map.of(Fields.CAPTURE_NAMES, names)));
    body.put("_source", List.of(Fields.SOURCE, Fields.CAPTURE_NAMES));
    JsonNode hits = cluster.json("POST", "/" + index + "/_search", body).path("hits").path("hits");
    Set<String> wanted = new HashSet<>(names);
    for (JsonNode hit : hits) {
      String source = hit.path("_source").path(Fields.SOURCE).asText(null);
      for (JsonNode name : hit.path("_source").path(Fields.CAPTURE_NAMES)) {
        if (source != null && wanted.contains(name.asText())) {
          found.putIfAbsent(name.asText(), source);
        }
      }
    }
    return hits.size() >= size;
  }
}
