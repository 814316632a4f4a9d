package io.flotilla.core.client.events;

import io.flotilla.api.core.ObjectReference;
import java.time.Duration;
import java.time.Instant;

/*
 * Design notes: client-go's EventSourceObjectSpamFilter. One token bucket per involved object, type and reason
 * (this recorder is the source): a burst of events passes, then one per refill interval; the rest are dropped
 * before they cost a write. That is what keeps a ReplicaSet creating 10,000 pods from writing 10,000
 * "SuccessfulCreate" Events, while each pod's own few events (different objects) all pass. Buckets live in a
 * bounded LRU; an evicted bucket only means a fresh burst. Only the recorder's writer thread uses it.
 */
final class EventSpamFilter {
    /** Kubernetes' default burst of events per source and object. */
    static final int DEFAULT_BURST = 25;
    /** Kubernetes' default refill: one event per five minutes. */
    static final Duration DEFAULT_REFILL = Duration.ofMinutes(5);

    private record Key(String kind, String apiVersion, String namespace, String name, String uid, String type,
                       String reason) {
    }

    /** A token bucket counted in nanoseconds of refill time (a token is {@code refillNanos}), so exact. */
    private static final class Bucket {
        long credit;
        Instant last;

        Bucket(long credit, Instant last) {
            this.credit = credit;
            this.last = last;
        }
    }

    private final RecentMap<Key, Bucket> buckets;
    private final long refillNanos;
    private final long fullNanos;

    EventSpamFilter(int burst, Duration refill, int maxEntries) {
        this.refillNanos = nanos(refill);
        this.fullNanos = nanos(refill.multipliedBy(burst));
        this.buckets = new RecentMap<>(maxEntries);
    }

    /** Whether an event about {@code involved} at {@code at} may be written; takes a token if so. */
    boolean allow(ObjectReference involved, String type, String reason, Instant at) {
        Key key = new Key(involved.kind(), involved.apiVersion(), involved.namespace(), involved.name(),
                involved.uid(), type, reason);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(fullNanos, at));
        if (at.isAfter(bucket.last)) {
            long elapsed = nanos(Duration.between(bucket.last, at));
            bucket.credit = elapsed >= fullNanos - bucket.credit ? fullNanos : bucket.credit + elapsed;
            bucket.last = at;
        }
        if (bucket.credit < refillNanos) {
            return false;
        }
        bucket.credit -= refillNanos;
        return true;
    }

    /** {@code d} in nanoseconds, at most {@link Long#MAX_VALUE}. */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
