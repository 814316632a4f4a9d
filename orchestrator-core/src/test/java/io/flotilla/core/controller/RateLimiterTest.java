package io.flotilla.core.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final VirtualClock clock = VirtualClock.create();

    private static List<Duration> delays(RateLimiter<String> limiter, String item, int count) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(limiter.when(item));
        }
        return delays;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void exponentialBackoffDoublesFromBaseUpToTheCap() {
        RateLimiter<String> limiter = RateLimiter.exponentialBackoff(ms(5), ms(1000));

        assertThat(delays(limiter, "a", 10)).containsExactly(
                ms(5), ms(10), ms(20), ms(40), ms(80), ms(160), ms(320), ms(640), ms(1000), ms(1000));
        assertThat(limiter.numRequeues("a")).isEqualTo(10);
    }

    @Test
    void exponentialBackoffIsPerItemAndForgetResetsIt() {
        RateLimiter<String> limiter = RateLimiter.exponentialBackoff(ms(5), ms(1000));
        delays(limiter, "a", 3);

        assertThat(limiter.when("b")).isEqualTo(ms(5));
        limiter.forget("a");

        assertThat(limiter.numRequeues("a")).isZero();
        assertThat(limiter.when("a")).isEqualTo(ms(5));
        assertThat(limiter.when("b")).isEqualTo(ms(10));
    }

    @Test
    void exponentialBackoffNeverOverflowsWithClientGoDefaults() {
        RateLimiter<String> limiter = RateLimiter.exponentialBackoff(
                RateLimiter.DEFAULT_BASE_DELAY, RateLimiter.DEFAULT_MAX_DELAY);

        List<Duration> delays = delays(limiter, "a", 200);

        assertThat(delays.get(17)).isEqualTo(ms(5L << 17)); // 655.36 s, the last doubling under 1000 s
        assertThat(delays.subList(18, 200)).containsOnly(Duration.ofSeconds(1000));
    }

    @Test
    void tokenBucketAllowsTheBurstThenSpacesItemsAtTheRate() {
        RateLimiter<String> limiter = RateLimiter.tokenBucket(10, 100, clock);

        assertThat(delays(limiter, "x", 100)).containsOnly(Duration.ZERO);
        assertThat(limiter.when("y")).isEqualTo(ms(100));
        assertThat(limiter.when("z")).isEqualTo(ms(200));
        assertThat(limiter.numRequeues("y")).isZero();
    }

    @Test
    void tokenBucketRefillsOnTheClockUpToTheBurst() {
        RateLimiter<String> limiter = RateLimiter.tokenBucket(10, 5, clock);
        delays(limiter, "x", 5);

        clock.advance(Duration.ofMillis(300)); // three tokens back
        assertThat(delays(limiter, "x", 4)).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, ms(100));

        clock.advance(Duration.ofHours(1)); // full again, but never more than the burst
        assertThat(delays(limiter, "x", 6)).containsExactly(
                Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, ms(100));
    }

    @Test
    void maxOfTakesTheLongestDelayAndForgetsInAll() {
        RateLimiter<String> limiter = RateLimiter.maxOf(
                RateLimiter.exponentialBackoff(ms(5), Duration.ofSeconds(1000)), RateLimiter.tokenBucket(1, 2, clock));

        assertThat(delays(limiter, "a", 4)).containsExactly(ms(5), ms(10), ms(1000), ms(2000));
        assertThat(limiter.numRequeues("a")).isEqualTo(4);

        limiter.forget("a");
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.when("a")).isEqualTo(ms(5));
    }

    @Test
    void defaultControllerRateLimiterIsClientGos() {
        RateLimiter<String> limiter = RateLimiter.defaultControllerRateLimiter(clock);

        assertThat(delays(limiter, "a", 3)).containsExactly(ms(5), ms(10), ms(20));
        for (int i = 0; i < 97; i++) {
            limiter.when("other-" + i);
        }
        // The bucket (burst 100) is now empty: the next item waits 100 ms, more than its own 5 ms backoff.
        assertThat(limiter.when("fresh")).isEqualTo(ms(100));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> RateLimiter.exponentialBackoff(ms(-1), ms(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiter.tokenBucket(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiter.tokenBucket(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiter.<String>maxOf()).isInstanceOf(IllegalArgumentException.class);
    }
}
