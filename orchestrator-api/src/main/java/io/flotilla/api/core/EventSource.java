package io.flotilla.api.core;

/**
 * The component that reported an Event (legacy fields, still what {@code kubectl describe} shows). Immutable.
 *
 * @param component the component, such as {@code kubelet} or {@code default-scheduler}
 * @param host      the node it runs on, when relevant
 */
public record EventSource(String component, String host) {

    /** A source with a component and no host. */
    public static EventSource of(String component) {
        return new EventSource(component, null);
    }
}
