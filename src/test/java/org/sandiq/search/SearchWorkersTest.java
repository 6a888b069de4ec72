package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchWorkersTest {
  @Test
  void mapKeepsTheOrderAndUsesMoreThanOneThread() throws IOException {
    try (SearchWorkers workers = new SearchWorkers(3)) {
      List<Integer> items = IntStream.range(0, 200).boxed().toList();
      Set<String> threads = ConcurrentHashMap.newKeySet();
      List<Integer> squares =
          workers.map(
              items,
              i -> {
                threads.add(Thread.currentThread().getName());
                busy();
                return i * i;
              });
      assertEquals(items.stream().map(i -> i * i).toList(), squares);
      assertTrue(threads.contains(Thread.currentThread().getName()), "the caller works too");
      assertTrue(threads.size() > 1, "workers took part: " + threads);
    }
  }

  @Test
  void anIndexErrorOfOneItemFailsTheWholeMap() {
    try (SearchWorkers workers = new SearchWorkers(2)) {
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  workers.map(
                      List.of(1, 2, 3, 4),
                      i -> {
                        if (i == 3) {
                          throw new IOException("segment gone");
                        }
                        return i;
                      }));
      assertEquals("segment gone", e.getMessage());
    }
  }

  @Test
  void aClosedPoolLeavesTheWorkToTheCaller() throws IOException {
    SearchWorkers workers = new SearchWorkers(2);
    workers.close();
    assertEquals(List.of(2, 4), workers.map(List.of(1, 2), i -> 2 * i));
  }

  @Test
  void aSearchDoesNotWaitForAHelperThatNeverGotAThread() throws Exception {
    try (SearchWorkers workers = new SearchWorkers(2)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch blocked = new CountDownLatch(2);
      SearchWorkers.Render<Integer, Integer> blockOnWorkers =
          i -> {
            if (Thread.currentThread().getName().startsWith("sandiq-search-")) {
              blocked.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            } else {
              busy();
            }
            return i;
          };
      List<Integer> many = IntStream.range(0, 10_000).boxed().toList();
      ExecutorService others = Executors.newFixedThreadPool(2);
      try {
        // Two other searches whose helpers hold both worker threads.
        others.submit(() -> workers.map(many, blockOnWorkers));
        others.submit(() -> workers.map(many, blockOnWorkers));
        assertTrue(blocked.await(30, TimeUnit.SECONDS), "both workers are busy");
        // This search's helper can only queue; the caller does all the work and returns.
        List<Integer> mine =
            assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> workers.map(List.of(1, 2, 3), i -> i + 1));
        assertEquals(List.of(2, 3, 4), mine);
      } finally {
        release.countDown();
        others.shutdown();
        assertTrue(others.awaitTermination(60, TimeUnit.SECONDS));
      }
    }
  }

  private static void busy() {
    long end = System.nanoTime() + 200_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
