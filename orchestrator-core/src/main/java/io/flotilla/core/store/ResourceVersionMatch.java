package io.flotilla.core.store;

/**
 * How a list's {@code resourceVersion} is interpreted, as Kubernetes' {@code resourceVersionMatch}.
 */
public enum ResourceVersionMatch {
    /** Any state at least as new as the given revision; the store serves the latest. */
    NOT_OLDER_THAN("NotOlderThan"),
    /** Exactly the state as of the given revision, served from retained history, else {@link StoreException.Gone}. */
    EXACT("Exact");

    private final String wireName;

    ResourceVersionMatch(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the Kubernetes API, such as {@code NotOlderThan}. */
    public String wireName() {
        return wireName;
    }
}
