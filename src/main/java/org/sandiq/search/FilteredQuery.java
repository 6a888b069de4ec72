package org.sandiq.search;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.sandiq.index.Fields;

/**
 * A user query under a request's filters: content documents only, the date range, and the facet
 * filters (lang, site), which facet counting needs one at a time (see {@link FacetCounter}).
 *
 * @param base the words (or every document) as a required clause, with the content and date filters
 * @param facetFilters the facet dimensions the request filters on, with their values
 */
public record FilteredQuery(Query base, Map<String, String> facetFilters) {

  /** {@code words} (null: every content document) under the filters of {@code request}. */
  static FilteredQuery of(Query words, SearchRequest request) {
    BooleanQuery.Builder base = new BooleanQuery.Builder();
    base.add(words == null ? QueryBuilder.all() : words, BooleanClause.Occur.MUST);
    base.add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER);
    Query dates = dateFilter(request);
    if (dates != null) {
      base.add(dates, BooleanClause.Occur.FILTER);
    }
    Map<String, String> filters = new LinkedHashMap<>();
    if (request.lang() != null) {
      filters.put(Fields.LANG, request.lang());
    }
    if (request.site() != null) {
      filters.put(Fields.SITE, request.site());
    }
    if (request.collection() != null) {
      filters.put(Fields.COLLECTION, request.collection());
    }
    return new FilteredQuery(base.build(), filters);
  }

  /** The query with every filter. */
  public Query query() {
    return without(null);
  }

  /**
   * The query with every filter, restricted to the documents whose {@code field} is {@code key}
   * (one text, one URL). The restriction is a filter, so scores and the order are the query's own:
   * how a page after a cursor tells whether a hit's copy came on an earlier page.
   */
  public Query within(String field, String key) {
    return new BooleanQuery.Builder()
        .add(query(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(field, key)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** The query with every facet filter except the one on dimension {@code skip}. */
  public Query without(String skip) {
    if (facetFilters.isEmpty()) {
      return base;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(base, BooleanClause.Occur.MUST);
    facetFilters.forEach(
        (dim, value) -> {
          if (!dim.equals(skip)) {
            query.add(new TermQuery(new Term(dim, value)), BooleanClause.Occur.FILTER);
          }
        });
    return query.build();
  }

  /** The {@code from}/{@code to} range of the request as a query, or null when it has none. */
  private static Query dateFilter(SearchRequest request) {
    if (request.from() == null && request.to() == null) {
      return null;
    }
    long from =
        request.from() == null
            ? Long.MIN_VALUE
            : request.from().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    long to =
        request.to() == null
            ? Long.MAX_VALUE
            : request.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1;
    return LongPoint.newRangeQuery(Fields.DATE, from, to);
  }
}
