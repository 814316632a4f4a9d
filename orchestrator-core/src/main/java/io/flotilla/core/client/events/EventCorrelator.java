package io.flotilla.core.client.events;

import io.flotilla.api.core.Event;
import io.flotilla.api.core.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/*
 * Design notes: client-go's EventCorrelator, its aggregation and deduplication (the spam filter is EventSpamFilter).
 * Aggregation: events about one object with the same type and reason but different messages ("Created pod: a",
 * "Created pod: b", ...) are "similar"; from the tenth distinct message within ten minutes on, each becomes one
 * aggregate occurrence, "(combined from similar events): <message>", which all share one key. Deduplication: a
 * bounded LRU (RecentMap) from "same object, type, reason and message" (or the aggregate key)
 * to the Event last written for it; a repeat within the window bumps that Event's count and lastTimestamp instead
 * of creating a new one. Only the recorder's writer thread uses it; losing an entry (evicted) only means a new Event
 * object. An entry older than the window is ignored rather than expired: the LRU bounds the memory either way.
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

    /** The occurrence to write: its deduplication key and its message (prefixed when aggregated). */
    record Correlated(Key key, String message) {
    }

    /** Kubernetes' default: from this many distinct similar messages on, events are aggregated. */
    static final int AGGREGATE_MAX_EVENTS = 10;
    static final String AGGREGATE_PREFIX = "(combined from similar events): ";
    private static final String AGGREGATE_KEY = "\0aggregate";

    private record SimilarKey(String kind, String apiVersion, String namespace, String name, String uid,
                              String type, String reason) {
    }

    private static final class Similar {
        final Set<String> messages = new HashSet<>();
        Instant last;
    }

    private final RecentMap<Key, Event> recent;
    private final RecentMap<SimilarKey, Similar> similar;
    private final Duration window;

    EventCorrelator(Duration window, int maxEntries) {
        this.window = window;
        this.recent = new RecentMap<>(maxEntries);
        this.similar = new RecentMap<>(maxEntries);
    }

    /**
     * Aggregates an occurrence with its similar ones: the key and message to write it under. Below the threshold
     * that is the occurrence itself; from it on, the aggregate shared by every similar occurrence.
     */
    Correlated aggregate(ObjectReference involved, String type, String reason, String message, Instant at) {
        SimilarKey key = new SimilarKey(involved.kind(), involved.apiVersion(), involved.namespace(),
                involved.name(), involved.uid(), type, reason);
        Similar seen = similar.computeIfAbsent(key, k -> new Similar());
        if (seen.last != null && at.isAfter(seen.last.plus(window))) {
            seen.messages.clear();
        }
        seen.last = at;
        seen.messages.add(message);
        if (seen.messages.size() < AGGREGATE_MAX_EVENTS) {
            return new Correlated(Key.of(involved, type, reason, message), message);
        }
        seen.messages.remove(message); // the set never grows past the threshold
        return new Correlated(Key.of(involved, type, reason, AGGREGATE_KEY), AGGREGATE_PREFIX + message);
    }

    /** The Event to bump for an occurrence at {@code at}, or {@code null} if a new one is needed. */
    Event previous(Key key, Instant at) {
        Event last = recent.get(key);
        if (last == null || last.lastTimestamp() == null || at.isAfter(last.lastTimestamp().plus(window))) {
            return null;
        }
        return last;
    }

    void remember(Key key, Event written) {
        recent.put(key, written);
    }

    void forget(Key key) {
        recent.remove(key);
    }
}
