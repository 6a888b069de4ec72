package org.sandiq.eval;

import java.io.Closeable;
import java.util.List;

/** A system under evaluation: it has indexed a corpus and ranks its documents for a query. */
public interface Retriever extends Closeable {
  /** The ids of the best {@code depth} documents for {@code query}, best first. */
  List<String> rank(TestCollection.Query query, int depth);
}
