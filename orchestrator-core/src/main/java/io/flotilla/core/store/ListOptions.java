package io.flotilla.core.store;

import io.flotilla.api.meta.LabelSelector;

/**
 * What to list, as Kubernetes' list options. Immutable; use {@link #all()} and the {@code with*} methods.
 *
 * @param namespace            the namespace, or {@code null} for all namespaces
 * @param labelSelector        the label selector, or {@code null} for every object
 * @param fieldSelector        the field selector, or {@code null} for every object
 * @param resourceVersion      {@code null} or {@code "0"} for the latest state, else a revision interpreted by
 *                             {@code resourceVersionMatch}
 * @param resourceVersionMatch how to interpret {@code resourceVersion}; {@code null} means
 *                             {@link ResourceVersionMatch#NOT_OLDER_THAN}
 */
public record ListOptions(String namespace, LabelSelector labelSelector, FieldSelector fieldSelector,
                          String resourceVersion, ResourceVersionMatch resourceVersionMatch) {

    private static final ListOptions ALL = new ListOptions(null, null, null, null, null);

    /** Everything, in every namespace, at the latest revision. */
    public static ListOptions all() {
        return ALL;
    }

    /** Everything in one namespace, at the latest revision. */
    public static ListOptions inNamespace(String namespace) {
        return ALL.withNamespace(namespace);
    }

    /** A copy restricted to {@code namespace} ({@code null} for all). */
    public ListOptions withNamespace(String namespace) {
        return new ListOptions(namespace, labelSelector, fieldSelector, resourceVersion, resourceVersionMatch);
    }

    /** A copy with a label selector. */
    public ListOptions withLabelSelector(LabelSelector selector) {
        return new ListOptions(namespace, selector, fieldSelector, resourceVersion, resourceVersionMatch);
    }

    /** A copy with a field selector. */
    public ListOptions withFieldSelector(FieldSelector selector) {
        return new ListOptions(namespace, labelSelector, selector, resourceVersion, resourceVersionMatch);
    }

    /** A copy that asks for a state at least as new as {@code resourceVersion}. */
    public ListOptions notOlderThan(String resourceVersion) {
        return new ListOptions(namespace, labelSelector, fieldSelector, resourceVersion,
                ResourceVersionMatch.NOT_OLDER_THAN);
    }

    /** A copy that asks for exactly the state as of {@code resourceVersion}. */
    public ListOptions exact(String resourceVersion) {
        return new ListOptions(namespace, labelSelector, fieldSelector, resourceVersion, ResourceVersionMatch.EXACT);
    }
}
