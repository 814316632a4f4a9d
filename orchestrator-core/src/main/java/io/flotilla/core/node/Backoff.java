package io.flotilla.core.node;

import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Design notes: a copy of the semantics of client-go's flowcontrol.Backoff as kubelet uses it for
 * CrashLoopBackOff and ImagePullBackOff. next() starts an entry at the initial delay, or doubles it up to the
 * cap; an entry whose last update is more than twice the cap older than the event is forgotten, which is where
 * "reset after 10 minutes of stable running" comes from (2 x 300 s). Times come from the injected clock.
 */

/**
 * Per-key exponential back-off on a {@link Clock}, with kubelet's rules: 10 s doubling to a 300 s cap, forgotten
 * after twice the cap. Thread-safe.
 */
final class Backoff {
    /** Kubelet's initial container restart and image pull back-off. */
    static final Duration INITIAL = Duration.ofSeconds(10);
    /** Kubelet's maximum back-off. */
    static final Duration MAX = Duration.ofSeconds(300);

    private record Entry(Duration delay, Instant lastUpdate) {
    }

    private final Clock clock;
    private final Duration initial;
    private final Duration max;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Backoff(Clock clock) {
        this(clock, INITIAL, MAX);
    }

    Backoff(Clock clock, Duration initial, Duration max) {
        this.clock = clock;
        this.initial = initial;
        this.max = max;
    }

    /** Whether {@code key} is still backing off from an event at {@code eventTime} (kubelet's IsInBackOffSince). */
    boolean inBackOffSince(String key, Instant eventTime) {
        Entry entry = entries.get(key);
        if (entry == null || expired(eventTime, entry.lastUpdate)) {
            return false;
        }
        return Duration.between(eventTime, clock.now()).compareTo(entry.delay) < 0;
    }

    /** Whether {@code key} is still backing off from its last failure (kubelet's IsInBackOffSinceUpdate). */
    boolean inBackOffSinceUpdate(String key) {
        Entry entry = entries.get(key);
        return entry != null && Duration.between(entry.lastUpdate, clock.now()).compareTo(entry.delay) < 0;
    }

    /** How long from now until the back-off from {@code key}'s last failure ends; zero when it has ended. */
    Duration remainingSinceUpdate(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Duration.ZERO : remainingFrom(entry, entry.lastUpdate);
    }

    /** How long from now until a back-off from {@code eventTime} ends; zero when it has ended. */
    Duration remaining(String key, Instant eventTime) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        return remainingFrom(entry, eventTime);
    }

    private Duration remainingFrom(Entry entry, Instant eventTime) {
        Duration left = Duration.between(clock.now(), eventTime.plus(entry.delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The current delay of {@code key}; zero if it has none. */
    Duration delay(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Duration.ZERO : entry.delay;
    }

    /** Records another failure of {@code key} at {@code eventTime}: the delay starts or doubles (kubelet's Next). */
    void next(String key, Instant eventTime) {
        Instant now = clock.now();
        entries.compute(key, (k, old) -> {
            if (old == null || expired(eventTime, old.lastUpdate)) {
                return new Entry(initial, now);
            }
            Duration doubled = old.delay.multipliedBy(2);
            return new Entry(doubled.compareTo(max) > 0 ? max : doubled, now);
        });
    }

    /** Forgets every key starting with {@code prefix}. */
    void forgetPrefix(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private boolean expired(Instant eventTime, Instant lastUpdate) {
        return Duration.between(lastUpdate, eventTime).compareTo(max.multipliedBy(2)) > 0;
    }
}
