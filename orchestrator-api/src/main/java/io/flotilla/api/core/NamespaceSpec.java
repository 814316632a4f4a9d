package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * The desired state of a Namespace. Immutable; the list is never {@code null}.
 *
 * @param finalizers keys that must be removed before the namespace is deleted, such as {@code kubernetes}, which
 *                   the namespace controller removes once every object in the namespace is gone
 */
public record NamespaceSpec(List<String> finalizers) {
    /** The finalizer the control plane puts on every namespace and removes once the namespace is empty. */
    public static final String KUBERNETES_FINALIZER = "kubernetes";

    /** Normalises an absent list. */
    public NamespaceSpec {
        finalizers = Immutables.list(finalizers);
    }
}
