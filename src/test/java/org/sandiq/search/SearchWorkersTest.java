package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  private static void busy() {
    long end = System.nanoTime() + 200_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
