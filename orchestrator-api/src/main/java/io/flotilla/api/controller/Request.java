package io.flotilla.api.controller;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import java.util.Objects;

/**
 * The key of the object a reconcile is about: its namespace and name, nothing else. A reconciler reads the object's
 * current state itself, so many events for one object fold into one request.
 *
 * @param namespace the namespace, or the empty string for a cluster-scoped object; never {@code null}
 * @param name      the object's name; never {@code null} or empty
 */
public record Request(String namespace, String name) {

    /**
     * Normalises a {@code null} namespace to the empty string.
     *
     * @throws IllegalArgumentException if {@code name} is {@code null} or empty
     */
    public Request {
        namespace = namespace == null ? "" : namespace;
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a reconcile request needs a name");
        }
    }

    /**
     * The request for an object in {@code namespace}.
     *
     * @param namespace the namespace; {@code null} or empty for a cluster-scoped object
     * @throws IllegalArgumentException if {@code name} is {@code null} or empty
     */
    public static Request of(String namespace, String name) {
        return new Request(namespace, name);
    }

    /**
     * The request for a cluster-scoped object.
     *
     * @throws IllegalArgumentException if {@code name} is {@code null} or empty
     */
    public static Request clusterScoped(String name) {
        return new Request("", name);
    }

    /**
     * The request for {@code object}, from its {@code metadata.namespace} and {@code metadata.name}.
     *
     * @throws NullPointerException     if {@code object} is {@code null}
     * @throws IllegalArgumentException if the object has no name
     */
    public static Request of(Resource object) {
        ObjectMeta meta = Objects.requireNonNull(object, "object").metadata();
        return new Request(meta.namespace(), meta.name());
    }

    /**
     * Parses the {@link #toString()} form: {@code namespace/name}, or {@code name} for a cluster-scoped object.
     *
     * @throws IllegalArgumentException if {@code key} is {@code null}, empty, or has more than one slash
     */
    public static Request parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("a reconcile request needs a name");
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return clusterScoped(key);
        }
        if (key.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not a namespace/name key: " + key);
        }
        return new Request(key.substring(0, slash), key.substring(slash + 1));
    }

    /** Whether the object is cluster-scoped (has no namespace). */
    public boolean isClusterScoped() {
        return namespace.isEmpty();
    }

    /** {@code namespace/name}, or just {@code name} for a cluster-scoped object, as Kubernetes cache keys. */
    @Override
    public String toString() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
