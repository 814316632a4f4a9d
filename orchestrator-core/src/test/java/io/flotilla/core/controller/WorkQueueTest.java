package io.flotilla.core.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.core.time.VirtualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualClock clock = VirtualClock.create();
    private final WorkQueue<String> queue = WorkQueue.<String>builder().clock(clock)
            .rateLimiter(RateLimiter.exponentialBackoff(Duration.ofMillis(5), Duration.ofSeconds(1000))).build();

    private String take() throws InterruptedException {
        return queue.get().orElseThrow();
    }

    /** Takes every ready key, marking each done, and returns them in order. */
    private List<String> drain() throws InterruptedException {
        List<String> keys = new ArrayList<>();
        while (queue.len() > 0) {
            String key = take();
            keys.add(key);
            queue.done(key);
        }
        return keys;
    }

    @Test
    void handsOutKeysInFifoOrder() throws Exception {
        queue.add("a");
        queue.add("b");
        queue.add("c");
        assertThat(drain()).containsExactly("a", "b", "c");
    }

    @Test
    void keyAddedWhileQueuedIsQueuedOnce() throws Exception {
        queue.add("a");
        queue.add("b");
        queue.add("a");
        queue.add("a");

        assertThat(queue.len()).isEqualTo(2);
        assertThat(drain()).containsExactly("a", "b");
    }

    @Test
    void keyAddedWhileProcessingComesBackExactlyOnceAfterDone() throws Exception {
        queue.add("a");
        String held = take();

        queue.add("a");
        queue.add("a");
        assertThat(queue.len()).as("not handed out again while held").isZero();

        queue.done(held);
        assertThat(queue.len()).isEqualTo(1);
        assertThat(drain()).containsExactly("a");
        assertThat(queue.len()).isZero();
    }

    @Test
    void doneWithoutReAddDoesNotRequeue() throws Exception {
        queue.add("a");
        queue.done(take());
        assertThat(queue.len()).isZero();
    }

    @Test
    void getBlocksUntilAKeyIsAdded() throws Exception {
        CompletableFuture<Optional<String>> taken = getAsync();
        assertThat(taken).isNotDone();

        queue.add("a");

        assertThat(taken.get(10, TimeUnit.SECONDS)).contains("a");
    }

    @Test
    void getIsInterruptible() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                queue.get();
                failure.complete(null);
            } catch (InterruptedException e) {
                failure.complete(e);
            }
        });
        waiter.interrupt();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void shutDownWakesWaitersHandsOutWhatIsQueuedAndIgnoresNewKeys() throws Exception {
        CompletableFuture<Optional<String>> waiting = getAsync();
        queue.shutDown();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();

        WorkQueue<String> other = WorkQueue.<String>builder().clock(clock).build();
        other.add("queued");
        other.shutDown();
        other.add("ignored");
        other.addAfter("ignored-too", Duration.ofSeconds(1));
        assertThat(other.get()).contains("queued");
        assertThat(other.get()).isEmpty();
        assertThat(other.isShuttingDown()).isTrue();
    }

    @Test
    void shutDownDropsParkedKeys() throws Exception {
        queue.addAfter("parked", Duration.ofSeconds(1));
        queue.shutDown();
        clock.advance(Duration.ofSeconds(2));
        assertThat(queue.len()).isZero();
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void shutDownWithDrainWaitsForHeldKeys() throws Exception {
        queue.add("a");
        String held = take();
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try {
                queue.shutDownWithDrain();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofVirtual().start(task));

        assertThat(drained).isNotDone();
        queue.done(held);
        drained.get(10, TimeUnit.SECONDS);
        assertThat(queue.isShuttingDown()).isTrue();
    }

    @Test
    void addAfterQueuesOnTheVirtualClockInDueOrder() throws Exception {
        queue.addAfter("late", Duration.ofSeconds(3));
        queue.addAfter("early", Duration.ofSeconds(1));
        queue.addAfter("middle", Duration.ofSeconds(2));
        queue.addAfter("now", Duration.ZERO);

        assertThat(drain()).containsExactly("now");
        clock.advance(Duration.ofMillis(999));
        assertThat(queue.len()).isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(drain()).containsExactly("early", "middle", "late");
    }

    @Test
    void addAfterKeepsTheSoonerTime() throws Exception {
        queue.addAfter("sooner-wins", Duration.ofSeconds(10));
        queue.addAfter("sooner-wins", Duration.ofSeconds(5));
        queue.addAfter("later-ignored", Duration.ofSeconds(5));
        queue.addAfter("later-ignored", Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(5));
        assertThat(drain()).containsExactly("sooner-wins", "later-ignored");
        clock.advance(Duration.ofSeconds(10));
        assertThat(queue.len()).as("no second add from the superseded time").isZero();
    }

    @Test
    void addRateLimitedBacksOffExponentiallyAndForgetResets() throws Exception {
        List<Long> readyAfterMillis = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            queue.addRateLimited("a");
            readyAfterMillis.add(millisUntilReady());
            queue.done(take());
        }
        assertThat(readyAfterMillis).containsExactly(5L, 10L, 20L, 40L, 80L);
        assertThat(queue.numRequeues("a")).isEqualTo(5);

        queue.forget("a");
        assertThat(queue.numRequeues("a")).isZero();
        queue.addRateLimited("a");
        assertThat(millisUntilReady()).isEqualTo(5L);
    }

    /** Advances the clock a millisecond at a time until a key is ready; returns the milliseconds it took. */
    private long millisUntilReady() {
        long millis = 0;
        while (queue.len() == 0) {
            clock.advance(Duration.ofMillis(1));
            millis++;
        }
        return millis;
    }

    @Test
    void noKeyIsEverHeldByTwoWorkersAtOnce() throws Exception {
        WorkQueue<Integer> shared = WorkQueue.<Integer>builder().clock(clock).build();
        int workers = 8;
        int keys = 16;
        Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().start(() -> work(shared, inFlight, overlaps, handled)));
        }
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            producers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 5_000; i++) {
                    shared.add(ThreadLocalRandom.current().nextInt(keys));
                    Thread.yield();
                }
            }));
        }
        // 20,000 adds and 12 busy threads: on a loaded 2-core machine this takes far longer than WAIT
        Duration generous = Duration.ofSeconds(90);
        for (Thread producer : producers) {
            producer.join(generous);
            assertThat(producer.isAlive()).as("producer finished").isFalse();
        }
        assertThat(shared.awaitIdle(generous)).isTrue();
        shared.shutDown();
        for (Thread thread : threads) {
            thread.join(generous);
            assertThat(thread.isAlive()).as("worker stopped after shutDown").isFalse();
        }

        assertThat(overlaps).hasValue(0);
        assertThat(inFlight).hasSize(keys);
        assertThat(handled.get()).isBetween(keys, 20_000);
    }

    private static void work(WorkQueue<Integer> queue, Map<Integer, AtomicInteger> inFlight, AtomicInteger overlaps,
                             AtomicInteger handled) {
        try {
            Optional<Integer> next;
            while ((next = queue.get()).isPresent()) {
                Integer key = next.get();
                AtomicInteger counter = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
                if (counter.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                for (int i = 0; i < 10; i++) {
                    Thread.yield(); // hold the key long enough for producers to re-add it
                }
                handled.incrementAndGet();
                counter.decrementAndGet();
                queue.done(key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void recordsMetricsOnTheQueueClock() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WorkQueue<String> metered = WorkQueue.<String>builder().name("pods").clock(clock).meterRegistry(registry)
                .build();

        metered.add("a");
        metered.add("a");
        metered.add("b");
        assertThat(registry.get("flotilla.workqueue.depth").tag("name", "pods").gauge().value()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        String key = metered.get().orElseThrow();
        clock.advance(Duration.ofSeconds(3));
        metered.done(key);
        metered.addRateLimited("c");

        assertThat(registry.get("flotilla.workqueue.adds").tag("name", "pods").counter().count()).isEqualTo(2);
        assertThat(registry.get("flotilla.workqueue.retries").counter().count()).isEqualTo(1);
        assertThat(registry.get("flotilla.workqueue.queue.duration").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(2);
        assertThat(registry.get("flotilla.workqueue.work.duration").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(3);
    }

    @Test
    void rejectsNullKeys() {
        assertThatThrownBy(() -> queue.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue.addAfter("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> queue.addRateLimited(null)).isInstanceOf(NullPointerException.class);
    }

    private CompletableFuture<Optional<String>> getAsync() {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(queue.get());
            } catch (InterruptedException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
