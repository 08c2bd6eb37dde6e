package dev.blogsearch.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchGateTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void runsAsManySearchesAtOnceAsItHasSlotsAndQueuesTheNext() throws Exception {
        SearchGate gate = new SearchGate(2);
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        List<Future<String>> holders = List.of(
                threads.submit(() -> gate.run(() -> hold(bothInside, finish, "a"))),
                threads.submit(() -> gate.run(() -> hold(bothInside, finish, "b"))));
        assertTrue(bothInside.await(10, TimeUnit.SECONDS), "two searches should run at once with two slots");

        Future<String> third = threads.submit(() -> gate.run(() -> "c"));
        awaitValue(gate::waiting, 1);
        assertTrue(!third.isDone(), "a third search waits while both slots are taken");

        finish.countDown();
        assertEquals("c", third.get(10, TimeUnit.SECONDS));
        for (Future<String> holder : holders) {
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitingSearchesRunInTheOrderTheyCame() throws Exception {
        SearchGate gate = new SearchGate(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Future<String> holder = threads.submit(() -> gate.run(() -> hold(inside, finish, "first")));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Future<?> second = threads.submit(() -> gate.run(() -> order.add("second")));
        awaitValue(gate::waiting, 1);
        Future<?> third = threads.submit(() -> gate.run(() -> order.add("third")));
        awaitValue(gate::waiting, 2);

        finish.countDown();
        holder.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        third.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("second", "third"), order);
    }

    @Test
    void aFailedSearchGivesItsSlotBack() throws Exception {
        SearchGate gate = new SearchGate(1);
        assertThrows(
                IOException.class,
                () -> gate.run(() -> {
                    throw new IOException("index closed");
                }));
        Future<String> next = threads.submit(() -> gate.run(() -> "answered"));
        assertEquals("answered", next.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aNegativeNumberOfSlotsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SearchGate(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    private static String hold(CountDownLatch inside, CountDownLatch finish, String result) throws IOException {
        inside.countDown();
        try {
            if (!finish.await(10, TimeUnit.SECONDS)) {
                throw new IOException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return result;
    }

    private static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsInt() != expected) {
            assertTrue(System.nanoTime() < deadline, "expected " + expected + ", still " + value.getAsInt());
            Thread.sleep(5);
        }
    }
}
