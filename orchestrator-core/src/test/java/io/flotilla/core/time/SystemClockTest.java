package io.flotilla.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SystemClockTest {

    @Test
    void readsRealTime() {
        Instant before = Instant.now();
        assertThat(Clock.system().now()).isBetween(before, Instant.now());
        assertThat(Clock.system()).isSameAs(SystemClock.shared());
    }

    @Test
    void runsTasksOnVirtualThreads() throws Exception {
        try (SystemClock clock = SystemClock.create()) {
            CompletableFuture<Thread> ranOn = new CompletableFuture<>();
            clock.schedule(Duration.ofMillis(1), () -> ranOn.complete(Thread.currentThread()));
            assertThat(ranOn.get(10, TimeUnit.SECONDS).isVirtual()).isTrue();
        }
    }

    @Test
    void repeatsAndCancels() throws Exception {
        try (SystemClock clock = SystemClock.create()) {
            CountDownLatch threeRuns = new CountDownLatch(3);
            Cancellable repeating = clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(1),
                    threeRuns::countDown);
            assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(repeating.cancel()).isTrue();
        }
    }

    @Test
    void cancelsPendingTasksAndRejectsNewOnesAfterClose() {
        SystemClock clock = SystemClock.create();
        Cancellable pending = clock.schedule(Duration.ofHours(1), () -> { });
        assertThat(pending.cancel()).isTrue();
        clock.close();
        assertThatThrownBy(() -> clock.schedule(Duration.ZERO, () -> { }))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
