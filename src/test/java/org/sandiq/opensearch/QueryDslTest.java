package org.sandiq.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The Lucene queries of a plan as OpenSearch DSL: the same clauses, terms and weights. */
class QueryDslTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final QueryDsl dsl = new QueryDsl(64);

  private String json(org.apache.lucene.search.Query query) throws Exception {
    return JSON.writeValueAsString(dsl.of(query));
  }

  @Test
  void booleansKeepTheirOccursBoostsAndMinimumShouldMatch() throws Exception {
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(
                new BoostQuery(new TermQuery(new Term("title_en", "archiv")), 3f),
                BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term("text_folded", "archives")), BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term("kind", "doc")), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term("lang", "ru")), BooleanClause.Occur.MUST_NOT)
            .setMinimumNumberShouldMatch(1)
            .build();
    assertEquals(
        "{\"bool\":{\"should\":[{\"term\":{\"title_en\":{\"value\":\"archiv\",\"boost\":3.0}}},"
            + "{\"term\":{\"text_folded\":{\"value\":\"archives\"}}}],"
            + "\"filter\":[{\"term\":{\"kind\":{\"value\":\"doc\"}}}],"
            + "\"must_not\":[{\"term\":{\"lang\":{\"value\":\"ru\"}}}],"
            + "\"minimum_should_match\":1}}",
        json(query));
  }

  @Test
  void aPhraseWithAGapAddsTheGapToTheSlop() throws Exception {
    PhraseQuery phrase =
        new PhraseQuery.Builder()
            .add(new Term("text_en", "bank"), 0)
            .add(new Term("text_en", "england"), 2)
            .setSlop(1)
            .build();
    assertEquals(
        "{\"match_phrase\":{\"text_en\":{\"query\":\"bank england\",\"analyzer\":\"whitespace\","
            + "\"slop\":2}}}",
        json(phrase));
  }

  @Test
  void fuzzyPrefixAndRangesKeepTheirLimits() throws Exception {
    assertEquals(
        "{\"fuzzy\":{\"text_folded\":{\"value\":\"khojali\",\"fuzziness\":2,\"prefix_length\":1,"
            + "\"max_expansions\":64,\"transpositions\":true,"
            + "\"rewrite\":\"top_terms_blended_freqs_64\"}}}",
        json(new FuzzyQuery(new Term("text_folded", "khojali"), 2, 1, 64, true)));
    assertEquals(
        "{\"prefix\":{\"title_folded\":{\"value\":\"xank\","
            + "\"rewrite\":\"top_terms_blended_freqs_64\"}}}",
        json(new PrefixQuery(new Term("title_folded", "xank"))));
    assertEquals(
        "{\"range\":{\"date\":{\"gte\":1000,\"format\":\"epoch_millis\"}}}",
        json(LongPoint.newRangeQuery("date", 1000, Long.MAX_VALUE)));
    assertEquals(
        "{\"bool\":{\"should\":[{\"term\":{\"text_az\":{\"value\":\"xeber\"}}},"
            + "{\"term\":{\"text_az\":{\"value\":\"xəbər\"}}}]}}",
        json(
            new SynonymQuery.Builder("text_az")
                .addTerm(new Term("text_az", "xəbər"))
                .addTerm(new Term("text_az", "xeber"))
                .build()));
  }

  @Test
  void aQueryWithNoOpenSearchFormIsRefusedNotDropped() {
    assertThrows(
        IllegalArgumentException.class,
        () -> dsl.of(new RegexpQuery(new Term("text_folded", "a.*"))));
  }
}
