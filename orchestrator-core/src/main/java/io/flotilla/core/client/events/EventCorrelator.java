package io.flotilla.core.client.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.ObjectReference;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;

/*
 * Design notes: client-go's EventCorrelator reduced to its deduplication: a bounded LRU (Caffeine, on the injected
 * clock) from "same object, type, reason and message" to the Event last written for it. A repeat within the window
 * of the previous occurrence bumps that Event's count and lastTimestamp instead of creating a new one. Only the
 * recorder's writer thread uses it; losing an entry (evicted, expired) only means a new Event object.
 */
final class EventCorrelator {

    /** What makes two events "the same"; the involved object's resourceVersion does not count. */
    record Key(String kind, String apiVersion, String namespace, String name, String uid, String fieldPath,
               String type, String reason, String message) {

        static Key of(ObjectReference involved, String type, String reason, String message) {
            return new Key(involved.kind(), involved.apiVersion(), involved.namespace(), involved.name(),
                    involved.uid(), involved.fieldPath(), type, reason, message);
        }
    }

    private final Cache<Key, Event> recent;
    private final Duration window;

    EventCorrelator(Clock clock, Duration window, int maxEntries) {
        this.window = window;
        this.recent = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(window)
                .ticker(clock::nanoTime)
                .executor(Runnable::run)
                .build();
    }

    /** The Event to bump for an occurrence at {@code at}, or {@code null} if a new one is needed. */
    Event previous(Key key, Instant at) {
        Event last = recent.getIfPresent(key);
        if (last == null || last.lastTimestamp() == null || at.isAfter(last.lastTimestamp().plus(window))) {
            return null;
        }
        return last;
    }

    void remember(Key key, Event written) {
        recent.put(key, written);
    }

    void forget(Key key) {
        recent.invalidate(key);
    }
}
