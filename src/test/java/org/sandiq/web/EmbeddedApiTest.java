package org.sandiq.web;

import java.nio.file.Path;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.search.LuceneSearchService;
import org.sandiq.search.SearchService;
import org.sandiq.testing.Fixtures;

/** The API contract on the embedded backend: a Lucene index on disk. */
class EmbeddedApiTest extends ApiContract {
  @Override
  SearchService open(Path corpus) throws Exception {
    Path index = corpus.resolveSibling("index");
    Fixtures.reindex(corpus, index, true);
    return new LuceneSearchService(index, new FieldAnalyzers(new LanguageAnalyzers()));
  }

  @Override
  String backend() {
    return "embedded";
  }
}
