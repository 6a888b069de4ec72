package org.sandiq.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One hit of an OpenSearch search: its score, its sort values (where a cursor continues) and the
 * fields of its {@code _source} that were asked for.
 */
record ClusterHit(float score, JsonNode sort, JsonNode source) {
  /** A source field as text, or null. */
  String text(String field) {
    JsonNode value = source.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A date field (epoch milliseconds) as an ISO-8601 instant, or null. */
  String instant(String field) {
    JsonNode value = source.get(field);
    return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.asLong()).toString();
  }
}
