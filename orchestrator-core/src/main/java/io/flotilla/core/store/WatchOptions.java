package io.flotilla.core.store;

import io.flotilla.api.meta.LabelSelector;

/**
 * What to watch, as Kubernetes' watch options. Immutable; start from {@link #fromRevision(long)} or
 * {@link #fromNow()} and refine with the {@code with*} methods.
 *
 * @param namespace        the namespace, or {@code null} for all namespaces
 * @param labelSelector    the label selector, or {@code null} for every object
 * @param fieldSelector    the field selector, or {@code null} for every object
 * @param fromRevision     deliver the changes after this revision; {@code null} means from the current revision
 * @param initialEvents    start with a synthetic {@code ADDED} event per matching object as of the start revision,
 *                         then a {@code BOOKMARK} at that revision (Kubernetes' {@code sendInitialEvents})
 * @param bookmarks        send {@code BOOKMARK} events when asked and every {@code bookmarkInterval} revisions the
 *                         selectors filtered out, so an idle watcher can resume from a recent revision
 * @param bookmarkInterval revisions between automatic bookmarks (when {@code bookmarks} is set), at least 1
 * @param maxBacklog       revisions the watcher may fall behind before it is cut off with {@code Gone}; {@code 0}
 *                         means the store's history size
 */
public record WatchOptions(String namespace, LabelSelector labelSelector, FieldSelector fieldSelector,
                           Long fromRevision, boolean initialEvents, boolean bookmarks, long bookmarkInterval,
                           long maxBacklog) {

    private static final long DEFAULT_BOOKMARK_INTERVAL = 1024;

    /** Checks the numbers. */
    public WatchOptions {
        if (bookmarkInterval < 1) {
            throw new IllegalArgumentException("bookmarkInterval must be at least 1, was " + bookmarkInterval);
        }
        if (maxBacklog < 0) {
            throw new IllegalArgumentException("maxBacklog must not be negative, was " + maxBacklog);
        }
        if (fromRevision != null && fromRevision < 0) {
            throw new IllegalArgumentException("fromRevision must not be negative, was " + fromRevision);
        }
    }

    /** Every change after the current revision, in all namespaces, with bookmarks. */
    public static WatchOptions fromNow() {
        return new WatchOptions(null, null, null, null, false, true, DEFAULT_BOOKMARK_INTERVAL, 0);
    }

    /** Every change after {@code revision} (such as a list's revision), in all namespaces, with bookmarks. */
    public static WatchOptions fromRevision(long revision) {
        return fromNow().withFromRevision(revision);
    }

    /** A copy restricted to {@code namespace} ({@code null} for all). */
    public WatchOptions withNamespace(String namespace) {
        return new WatchOptions(namespace, labelSelector, fieldSelector, fromRevision, initialEvents, bookmarks,
                bookmarkInterval, maxBacklog);
    }

    /** A copy with a label selector. */
    public WatchOptions withLabelSelector(LabelSelector selector) {
        return new WatchOptions(namespace, selector, fieldSelector, fromRevision, initialEvents, bookmarks,
                bookmarkInterval, maxBacklog);
    }

    /** A copy with a field selector. */
    public WatchOptions withFieldSelector(FieldSelector selector) {
        return new WatchOptions(namespace, labelSelector, selector, fromRevision, initialEvents, bookmarks,
                bookmarkInterval, maxBacklog);
    }

    /** A copy starting after {@code revision}. */
    public WatchOptions withFromRevision(long revision) {
        return new WatchOptions(namespace, labelSelector, fieldSelector, revision, initialEvents, bookmarks,
                bookmarkInterval, maxBacklog);
    }

    /** A copy that starts with the current state as synthetic ADDED events. */
    public WatchOptions withInitialEvents(boolean initialEvents) {
        return new WatchOptions(namespace, labelSelector, fieldSelector, fromRevision, initialEvents, bookmarks,
                bookmarkInterval, maxBacklog);
    }

    /** A copy with bookmarks on or off, every {@code interval} filtered-out revisions. */
    public WatchOptions withBookmarks(boolean bookmarks, long interval) {
        return new WatchOptions(namespace, labelSelector, fieldSelector, fromRevision, initialEvents, bookmarks,
                interval, maxBacklog);
    }

    /** A copy with another backlog limit ({@code 0} for the store's history size). */
    public WatchOptions withMaxBacklog(long maxBacklog) {
        return new WatchOptions(namespace, labelSelector, fieldSelector, fromRevision, initialEvents, bookmarks,
                bookmarkInterval, maxBacklog);
    }

    ListOptions asListOptions() {
        return new ListOptions(namespace, labelSelector, fieldSelector, null, null);
    }
}
