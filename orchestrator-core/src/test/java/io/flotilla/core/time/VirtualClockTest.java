package io.flotilla.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private final VirtualClock clock = VirtualClock.create();
    private final List<String> fired = Collections.synchronizedList(new ArrayList<>());

    private Runnable record(String name) {
        return () -> fired.add(name + "@" + Duration.between(VirtualClock.DEFAULT_START, clock.now()).toMillis());
    }

    @Test
    void timeStandsStillUntilAdvanced() {
        Instant start = clock.now();
        long nanos = clock.nanoTime();

        assertThat(clock.now()).isEqualTo(start).isEqualTo(VirtualClock.DEFAULT_START);
        clock.advance(Duration.ofMillis(1500));

        assertThat(clock.now()).isEqualTo(start.plusMillis(1500));
        assertThat(clock.nanoTime() - nanos).isEqualTo(1_500_000_000L);
    }

    @Test
    void startsAtTheGivenInstant() {
        Instant start = Instant.parse("2030-06-01T12:00:00Z");
        VirtualClock other = VirtualClock.startingAt(start);
        other.advance(Duration.ofHours(1));
        assertThat(other.now()).isEqualTo(start.plusSeconds(3600));
    }

    @Test
    void runsOnlyTasksDueWithinTheWindow() {
        clock.schedule(Duration.ofSeconds(5), record("a"));

        assertThat(clock.advance(Duration.ofSeconds(4))).isZero();
        assertThat(fired).isEmpty();
        assertThat(clock.advance(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(fired).containsExactly("a@5000");
    }

    @Test
    void runsTasksInDueOrderAndTiesInSchedulingOrder() {
        clock.schedule(Duration.ofMillis(30), record("late"));
        clock.schedule(Duration.ofMillis(10), record("tie1"));
        clock.schedule(Duration.ofMillis(20), record("middle"));
        clock.schedule(Duration.ofMillis(10), record("tie2"));

        clock.advance(Duration.ofSeconds(1));

        assertThat(fired).containsExactly("tie1@10", "tie2@10", "middle@20", "late@30");
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(1));
    }

    @Test
    void taskScheduledByATaskWithinTheWindowRunsAtItsOwnDueTime() {
        clock.schedule(Duration.ofMillis(100), () -> {
            fired.add("outer@" + clock.nanoTime() / 1_000_000);
            clock.schedule(Duration.ofMillis(50), record("inner"));
            clock.schedule(Duration.ofMillis(500), record("beyond"));
        });
        clock.schedule(Duration.ofMillis(120), record("other"));

        assertThat(clock.advance(Duration.ofMillis(200))).isEqualTo(3);

        assertThat(fired).containsExactly("outer@100", "other@120", "inner@150");
        assertThat(clock.pendingTasks()).isEqualTo(1);
        assertThat(clock.nextDueTime()).contains(VirtualClock.DEFAULT_START.plusMillis(600));
    }

    @Test
    void zeroDelayRunsOnNextRunDueNotInline() {
        clock.schedule(Duration.ZERO, record("now"));
        clock.schedule(Duration.ofMillis(-5), record("negative"));

        assertThat(fired).isEmpty();
        assertThat(clock.runDue()).isEqualTo(2);
        assertThat(fired).containsExactly("now@0", "negative@0");
    }

    @Test
    void cancelledTaskNeverRuns() {
        Cancellable task = clock.schedule(Duration.ofSeconds(1), record("cancelled"));
        clock.schedule(Duration.ofSeconds(1), record("kept"));

        assertThat(task.cancel()).isTrue();
        assertThat(task.cancel()).isFalse();
        clock.advance(Duration.ofSeconds(2));

        assertThat(fired).containsExactly("kept@1000");
    }

    @Test
    void cancelAfterRunReportsFalse() {
        Cancellable task = clock.schedule(Duration.ofSeconds(1), record("a"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(task.cancel()).isFalse();
    }

    @Test
    void advanceToMovesToTheInstantAndRejectsThePast() {
        clock.schedule(Duration.ofMinutes(1), record("a"));

        clock.advanceTo(VirtualClock.DEFAULT_START.plusSeconds(90));

        assertThat(fired).containsExactly("a@60000");
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(90));
        assertThatThrownBy(() -> clock.advanceTo(VirtualClock.DEFAULT_START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runUntilIdleJumpsFromTaskToTask() {
        clock.schedule(Duration.ofHours(2), record("b"));
        clock.schedule(Duration.ofMinutes(1), () -> clock.schedule(Duration.ofDays(1), record("chained")));

        assertThat(clock.runUntilIdle()).isEqualTo(3);

        assertThat(fired).containsExactly("b@7200000", "chained@86460000");
        assertThat(clock.pendingTasks()).isZero();
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plus(Duration.ofDays(1)).plusSeconds(60));
    }

    @Test
    void runUntilIdleRefusesEndlessRepetition() {
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(1), () -> { });
        assertThatThrownBy(clock::runUntilIdle).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("repeating");
    }

    @Test
    void fixedRateRepeatsOnTheDueTimesUntilCancelled() {
        Cancellable repeating = clock.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(10), record("r"));

        clock.advance(Duration.ofSeconds(31));
        assertThat(fired).containsExactly("r@1000", "r@11000", "r@21000", "r@31000");

        assertThat(repeating.cancel()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(fired).hasSize(4);
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void fixedRateKeepsTheScheduleWhenARunIsLate() {
        // One advance spanning several periods runs every due time in the window, each at its own time.
        clock.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(10), record("r"));
        clock.advance(Duration.ofSeconds(25));
        assertThat(fired).containsExactly("r@1000", "r@11000", "r@21000");
    }

    @Test
    void fixedDelayCountsFromTheEndOfEachRun() {
        // Runs take no virtual time, so each next run is exactly the delay after the previous one.
        clock.scheduleWithFixedDelay(Duration.ZERO, Duration.ofSeconds(5), record("d"));
        clock.advance(Duration.ofSeconds(12));
        assertThat(fired).containsExactly("d@0", "d@5000", "d@10000");
    }

    @Test
    void failingRepeatingTaskStopsRepeating() {
        AtomicInteger runs = new AtomicInteger();
        clock.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(10))).hasMessage("boom");
        clock.advance(Duration.ofSeconds(10));
        assertThat(runs).hasValue(1);
    }

    @Test
    void taskFailureStopsTheAdvanceAtThatTaskAndKeepsLaterTasks() {
        clock.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalArgumentException("bad task");
        });
        clock.schedule(Duration.ofSeconds(2), record("later"));

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(5))).hasMessage("bad task");
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(1));
        assertThat(fired).isEmpty();

        clock.advance(Duration.ofSeconds(4));
        assertThat(fired).containsExactly("later@2000");
    }

    @Test
    void taskCannotAdvanceItsOwnClock() {
        clock.schedule(Duration.ofSeconds(1), () -> clock.advance(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void schedulingFromManyThreadsIsSafe() throws Exception {
        int threads = 4;
        int perThread = 500;
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    clock.schedule(Duration.ofMillis(i), ran::incrementAndGet);
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(clock.pendingTasks()).isEqualTo(threads * perThread);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ran).hasValue(threads * perThread);
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> clock.schedule(null, () -> { })).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.schedule(Duration.ZERO, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> clock.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
