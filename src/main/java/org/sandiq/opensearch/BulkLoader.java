package org.sandiq.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._helpers.bulk.BulkIngester;
import org.opensearch.client.opensearch._helpers.bulk.BulkListener;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Documents to one index through {@code opensearch-java}'s {@link BulkIngester}: batches of at most
 * {@value #MAX_OPERATIONS} documents or 8 MB, {@value #CONCURRENT_REQUESTS} requests in flight, so
 * the reindex threads add at their own pace while OpenSearch indexes. A document OpenSearch rejects
 * is counted and the first reason kept; {@link #finish()} reports them.
 */
final class BulkLoader {
  static final int MAX_OPERATIONS = 1000;
  static final int CONCURRENT_REQUESTS = 2;

  private final BulkIngester<Void> ingester;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  BulkLoader(OpenSearchClient client, String index) {
    this.ingester =
        BulkIngester.of(
            b ->
                b.client(client)
                    .maxOperations(MAX_OPERATIONS)
                    .maxSize(8L << 20)
                    .maxConcurrentRequests(CONCURRENT_REQUESTS)
                    .globalSettings(g -> g.index(index))
                    .listener(new Listener()));
  }

  void add(String id, Map<String, Object> document) throws IOException {
    if (failed.get() > 0) {
      throw failure();
    }
    ingester.add(op -> op.index(i -> i.id(id).document(document)));
  }

  /** Sends what is pending, waits for every request, and fails if any document was refused. */
  void finish() throws IOException {
    ingester.close();
    if (failed.get() > 0) {
      throw failure();
    }
  }

  /** Stops without caring for the outcome (the index is being thrown away or was committed). */
  void abandon() {
    ingester.close();
  }

  private IOException failure() {
    return new IOException(
        "OpenSearch refused " + failed.get() + " document(s); first: " + firstFailure.get());
  }

  private final class Listener implements BulkListener<Void> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
      if (response.errors()) {
        for (BulkResponseItem item : response.items()) {
          if (item.error() != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, item.id() + ": " + item.error().reason());
          }
        }
      }
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
      failed.addAndGet(request.operations().size());
      firstFailure.compareAndSet(null, failure.toString());
    }
  }
}
