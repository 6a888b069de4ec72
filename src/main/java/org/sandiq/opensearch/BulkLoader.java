package org.sandiq.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._helpers.bulk.BulkIngester;
import org.opensearch.client.opensearch._helpers.bulk.BulkListener;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Documents to one index through {@code opensearch-java}'s {@link BulkIngester}: batches of at most
 * {@value #MAX_OPERATIONS} documents or 8 MB, {@value #CONCURRENT_REQUESTS} requests in flight, so
 * the reindex threads add at their own pace while OpenSearch indexes.
 *
 * <p>What a cluster in trouble refuses for a while is sent again, up to {@value #MAX_ATTEMPTS}
 * attempts with a growing pause: a whole request that failed (a node died or restarted under it),
 * and documents answered 429 (queue full), 502, 503 (a shard without a primary, while its node
 * restarts or a replica is promoted) or 504. Sending a document again is safe: it has its id, so it
 * replaces itself. A document refused for good (a mapping error, or the attempts spent) is counted
 * and the first reason kept; {@link #finish()} reports them.
 */
final class BulkLoader {
  static final int MAX_OPERATIONS = 1000;
  static final int CONCURRENT_REQUESTS = 2;
  static final int MAX_ATTEMPTS = 6;

  /** The pause before attempt {@code n + 1}: 2, 4, 8, 16, 30 s (about a node's restart in all). */
  private static long pauseMillis(int attempt) {
    return Math.min(30_000L, 1000L << Math.min(attempt, 5));
  }

  private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

  private final OpenSearchClient client;
  private final String index;
  private volatile BulkIngester<Integer> ingester;
  private final ConcurrentLinkedQueue<Retry> retries = new ConcurrentLinkedQueue<>();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  /** An operation to send again, no sooner than {@code due} (epoch millis). */
  private record Retry(BulkOperation operation, int attempts, long due) {}

  BulkLoader(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
    this.ingester = newIngester();
  }

  private BulkIngester<Integer> newIngester() {
    return BulkIngester.of(
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
    sendDueRetries(System.currentTimeMillis());
    ingester.add(BulkOperation.of(op -> op.index(i -> i.id(id).document(document))), 1);
  }

  /**
   * Sends what is pending, waits for every request and every retry, and fails if any document was
   * refused for good.
   */
  void finish() throws IOException {
    ingester.close();
    while (!retries.isEmpty() && failed.get() == 0) {
      long due = retries.stream().mapToLong(Retry::due).min().orElse(0);
      long wait = due - System.currentTimeMillis();
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting to send documents again", e);
        }
      }
      ingester = newIngester();
      sendDueRetries(Long.MAX_VALUE);
      ingester.close();
    }
    if (failed.get() > 0) {
      throw failure();
    }
  }

  /** Documents sent more than once because the cluster refused them for a while. */
  long retried() {
    return retried.get();
  }

  /** Stops without caring for the outcome (the index is being thrown away or was committed). */
  void abandon() {
    retries.clear();
    ingester.close();
  }

  private void sendDueRetries(long now) {
    if (retries.isEmpty()) {
      return;
    }
    List<Retry> due = new ArrayList<>();
    for (Retry retry : retries) {
      if (retry.due() <= now && retries.remove(retry)) {
        due.add(retry);
      }
    }
    for (Retry retry : due) {
      retried.incrementAndGet();
      ingester.add(retry.operation(), retry.attempts() + 1);
    }
  }

  private void retryOrFail(BulkOperation operation, int attempts, String id, String reason) {
    if (attempts < MAX_ATTEMPTS) {
      retries.add(
          new Retry(operation, attempts, System.currentTimeMillis() + pauseMillis(attempts)));
    } else {
      failed.incrementAndGet();
      firstFailure.compareAndSet(null, id + ": " + reason + " (after " + attempts + " attempts)");
    }
  }

  private IOException failure() {
    return new IOException(
        "OpenSearch refused " + failed.get() + " document(s); first: " + firstFailure.get());
  }

  private final class Listener implements BulkListener<Integer> {
    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Integer> contexts) {}

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Integer> contexts, BulkResponse response) {
      if (!response.errors()) {
        return;
      }
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        if (item.error() == null) {
          continue;
        }
        String reason = item.status() + " " + item.error().type() + ": " + item.error().reason();
        if (RETRYABLE.contains(item.status())) {
          retryOrFail(request.operations().get(i), contexts.get(i), item.id(), reason);
        } else {
          failed.incrementAndGet();
          firstFailure.compareAndSet(null, item.id() + ": " + reason);
        }
      }
    }

    @Override
    public void afterBulk(
        long executionId, BulkRequest request, List<Integer> contexts, Throwable failure) {
      // The whole request failed on its way (a node died under it): every document again.
      List<BulkOperation> operations = request.operations();
      for (int i = 0; i < operations.size(); i++) {
        retryOrFail(operations.get(i), contexts.get(i), "a bulk request", failure.toString());
      }
    }
  }
}
