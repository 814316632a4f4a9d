package io.flotilla.core.client;

import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ListResult;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchListener;
import io.flotilla.core.store.WatchOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A typed client for one kind, optionally bound to a namespace, over the {@link ApiServer}:
 *
 * <pre>{@code
 * ResourceClient<Pod> pods = client.pods().inNamespace("shop");
 * Optional<Pod> web = pods.get("web-0");
 * pods.update("web-0", p -> p.withMetadata(p.metadata().withLabel("tier", "front")));
 * List<Pod> front = pods.list(LabelSelector.matchLabel("tier", "front"));
 * pods.delete("web-0", DeleteOptions.foreground());
 * }</pre>
 *
 * <p><b>Namespaces.</b> A client from {@link #inNamespace} works in that namespace: objects it creates get it,
 * objects naming another namespace are refused. A client not bound to a namespace lists and watches every
 * namespace, and its single-object operations on a namespaced kind use {@code default}, unless the object passed
 * names its own namespace (as {@code kubectl} without {@code -n}). For cluster-scoped kinds namespaces do not apply.
 *
 * <p>Immutable and thread-safe. Errors are the API server's, unchanged: {@code StoreException.NotFound},
 * {@code .AlreadyExists}, {@code .Conflict}, {@code ApiException.Invalid}, {@code .Forbidden}; arguments are never
 * {@code null}.
 *
 * @param <T> the resource type
 */
public final class ResourceClient<T extends Resource> {
    /** The namespace single-object operations use on a client not bound to a namespace. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final ApiServer api;
    private final ResourceType<T> type;
    private final String namespace;
    private final String fieldManager;

    ResourceClient(ApiServer api, ResourceType<T> type, String namespace, String fieldManager) {
        this.api = api;
        this.type = type;
        this.namespace = namespace;
        this.fieldManager = fieldManager;
    }

    /** The kind. */
    public ResourceType<T> type() {
        return type;
    }

    /** The namespace this client is bound to, if any. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /**
     * A client bound to {@code namespace}.
     *
     * @throws IllegalArgumentException if the kind is cluster-scoped or the namespace is blank
     */
    public ResourceClient<T> inNamespace(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (!type.namespaced()) {
            throw new IllegalArgumentException(type.kind() + " is cluster-scoped and has no namespaces");
        }
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be blank");
        }
        return new ResourceClient<>(api, type, namespace, fieldManager);
    }

    /** A client for every namespace (lists and watches span them all). */
    public ResourceClient<T> inAnyNamespace() {
        return new ResourceClient<>(api, type, null, fieldManager);
    }

    /** Creates {@code object} (in this client's namespace if it names none); see {@link ApiServer#create}. */
    public T create(T object) {
        return api.create(placed(object));
    }

    /** The object named {@code name}, if it exists. */
    public Optional<T> get(String name) {
        return api.get(type, target(), Objects.requireNonNull(name, "name"));
    }

    /** Every object (in this client's namespace, or in all). */
    public List<T> list() {
        return list(ListOptions.all()).items();
    }

    /** The objects whose labels match {@code selector}. */
    public List<T> list(LabelSelector selector) {
        return list(ListOptions.all().withLabelSelector(Objects.requireNonNull(selector, "selector"))).items();
    }

    /**
     * Lists with {@code options}; the client's namespace replaces theirs when the client is bound to one.
     *
     * @return the objects and the revision to watch from
     */
    public ListResult<T> list(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return api.list(type, namespace == null ? options : options.withNamespace(namespace));
    }

    /** Replaces {@code object}'s spec and metadata; see {@link ApiServer#update(Resource)}. */
    public T update(T object) {
        return api.update(placed(object));
    }

    /**
     * Applies {@code change} to the latest version of {@code name} and writes it, re-reading and retrying on
     * conflict; {@code change} may run several times and must be free of side effects.
     */
    public T update(String name, UnaryOperator<T> change) {
        return api.update(type, target(), Objects.requireNonNull(name, "name"), change);
    }

    /** As {@link #update(String, UnaryOperator)}, in {@code namespace} ({@code null} for cluster-scoped kinds). */
    public T update(String namespace, String name, UnaryOperator<T> change) {
        return api.update(type, namespace, Objects.requireNonNull(name, "name"), change);
    }

    /** Replaces {@code object}'s status only; see {@link ApiServer#updateStatus(Resource)}. */
    public T updateStatus(T object) {
        return api.updateStatus(placed(object));
    }

    /** Applies {@code change} to the latest version of {@code name} and writes its status, retrying on conflict. */
    public T updateStatus(String name, UnaryOperator<T> change) {
        return api.updateStatus(type, target(), Objects.requireNonNull(name, "name"), change);
    }

    /** Deletes {@code name} with the default propagation; see {@link ApiServer#delete}. */
    public T delete(String name) {
        return delete(name, DeleteOptions.defaults());
    }

    /** Deletes {@code name} with {@code options} (propagation policy, preconditions, grace period). */
    public T delete(String name, DeleteOptions options) {
        return api.delete(type, target(), Objects.requireNonNull(name, "name"), options);
    }

    /** Creates or merges {@code desired} like {@code kubectl apply}; see {@link ApiServer#apply}. */
    public T apply(T desired) {
        return api.apply(placed(desired), fieldManager);
    }

    /** Watches this client's namespace (or all) with {@code options}; pull events from the returned watch. */
    public Watch<T> watch(WatchOptions options) {
        return api.watch(type, scoped(options));
    }

    /** Watches with {@code options}, pushing events to {@code listener} on a thread of the watch's own. */
    public Watch<T> watch(WatchOptions options, WatchListener<T> listener) {
        return api.watch(type, scoped(options), listener);
    }

    @Override
    public String toString() {
        return "ResourceClient[" + type.kind() + (namespace == null ? "" : " in " + namespace) + "]";
    }

    private WatchOptions scoped(WatchOptions options) {
        Objects.requireNonNull(options, "options");
        return namespace == null ? options : options.withNamespace(namespace);
    }

    /** The namespace of a single-object operation. */
    private String target() {
        if (!type.namespaced()) {
            return null;
        }
        return namespace == null ? DEFAULT_NAMESPACE : namespace;
    }

    /** {@code object} with this client's namespace filled in, refused if it names another. */
    private T placed(T object) {
        Objects.requireNonNull(object, "object");
        if (!type.namespaced()) {
            return object;
        }
        ObjectMeta meta = object.metadata();
        String own = meta.namespace();
        if (own == null || own.isEmpty()) {
            @SuppressWarnings("unchecked")
            T placed = (T) object.withMetadata(meta.withNamespace(target()));
            return placed;
        }
        if (namespace != null && !namespace.equals(own)) {
            throw new IllegalArgumentException("the namespace of the object (" + own + ") does not match the"
                    + " namespace of the client (" + namespace + ")");
        }
        return object;
    }
}
