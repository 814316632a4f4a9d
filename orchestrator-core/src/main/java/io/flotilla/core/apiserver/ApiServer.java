package io.flotilla.core.apiserver;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ListResult;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchListener;
import io.flotilla.core.store.WatchOptions;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The API layer over the {@link io.flotilla.core.store.ObjectStore}: every component and every user writes through
 * it, as through kube-apiserver. Each write runs, in order: defaulting ({@link Defaulter}), mutating admission,
 * the kind's validation ({@link ResourceType#validator()}), validating admission, then the store.
 *
 * <h2>Semantics (Kubernetes')</h2>
 * <ul>
 *   <li><b>Create</b> defaults the namespace ({@code default}) of namespaced kinds and refuses a missing
 *       ({@code NotFound}) or terminating ({@link ApiException.Forbidden}) namespace; generates the name from
 *       {@code generateName} (prefix + 5 characters, retried on a clash); sets {@code uid},
 *       {@code creationTimestamp} (from the injected clock) and {@code generation} 1; clears client-set
 *       {@code resourceVersion}, {@code deletionTimestamp} and {@code deletionGracePeriodSeconds}. The status of a
 *       kind with a status subresource is dropped (it belongs to the controllers), except that a Node keeps the
 *       status it registers with, a Namespace starts {@code Active} (with the {@code kubernetes} finalizer in
 *       {@code spec.finalizers}) and a Pod {@code Pending}. A Job without {@code manualSelector} gets Kubernetes'
 *       generated selector ({@code batch.kubernetes.io/controller-uid}) and template labels.</li>
 *   <li><b>Defaulting</b> runs on every create and update: Kubernetes' defaults for the built-in kinds (see
 *       {@link io.flotilla.core.apiserver.defaults.BuiltInDefaults}; a Secret's {@code stringData} is merged into
 *       {@code data}), then the {@link Defaulter}s added to the builder.</li>
 *   <li><b>Update</b> replaces everything but the status (the stored status is kept); {@code generation} goes up
 *       by one only when something other than metadata and status changed. {@code uid}, {@code name},
 *       {@code namespace}, {@code creationTimestamp} and a few kind-specific fields (such as a Deployment's
 *       {@code spec.selector}) are immutable. A set {@code resourceVersion} must match the stored one
 *       ({@code Conflict}); an unset one means "unconditionally".</li>
 *   <li><b>updateStatus</b> replaces only the status; everything else is kept from the stored object.</li>
 *   <li><b>Delete</b> of an object with finalizers (or with a propagation policy that needs one) only sets
 *       {@code deletionTimestamp}; the object goes once an update removes its last finalizer. Finalizers cannot be
 *       added to an object being deleted. Deleting a Namespace marks it {@code Terminating}; the namespace
 *       controller then deletes its contents and then the namespace. Dependents are handled by the garbage
 *       collector according to {@link PropagationPolicy}.</li>
 *   <li><b>apply</b> is a client-side-apply-like create-or-merge; see {@link #apply(Resource, String)}.</li>
 * </ul>
 *
 * <p>Errors: {@link io.flotilla.core.store.StoreException} ({@code NotFound}, {@code AlreadyExists},
 * {@code Conflict}, {@code Gone}) and {@link ApiException} ({@code Invalid}, {@code Forbidden}); a kind that is not
 * registered is an {@link ApiException.Invalid} on {@code kind}. A failed call leaves the store unchanged.
 *
 * <p>Implementations are thread-safe. Arguments are never {@code null} unless documented.
 */
public interface ApiServer extends AutoCloseable {

    /** The annotation in which {@link #apply} records the last desired state, as JSON. */
    String LAST_APPLIED_ANNOTATION = "io.flotilla/last-applied";

    /** The finalizer the garbage collector removes once an owner's blocking dependents are gone. */
    String FOREGROUND_DELETION_FINALIZER = "foregroundDeletion";

    /** The finalizer the garbage collector removes once an owner's dependents no longer refer to it. */
    String ORPHAN_FINALIZER = "orphan";

    /** A builder of the API server over a store. */
    static ApiServerBuilder builder() {
        return new ApiServerBuilder();
    }

    /** The kinds this server serves. */
    ResourceTypes types();

    /**
     * Creates an object.
     *
     * @return the stored object, with uid, resourceVersion, creationTimestamp, generation and defaults
     * @throws ApiException.Invalid                          if the object is not valid or its kind is not registered
     * @throws ApiException.Forbidden                        if the namespace is terminating or admission denies it
     * @throws io.flotilla.core.store.StoreException.NotFound      if the namespace does not exist
     * @throws io.flotilla.core.store.StoreException.AlreadyExists if an object with this name exists
     */
    <T extends Resource> T create(T object);

    /**
     * The stored object, if present.
     *
     * @param namespace the namespace; ignored for cluster-scoped kinds; {@code null} means {@code default} for
     *                  namespaced ones
     * @throws ApiException.Invalid if the kind is not registered
     */
    <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name);

    /**
     * Lists objects of one kind, as {@link io.flotilla.core.store.ObjectStore#list}.
     *
     * @throws ApiException.Invalid if the kind is not registered
     * @throws io.flotilla.core.store.StoreException.Gone if an exact resourceVersion is older than the history
     */
    <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options);

    /**
     * Replaces an object's spec and metadata; the stored status is kept.
     *
     * @return the stored object
     * @throws ApiException.Invalid                     if invalid, or if an immutable field changed
     * @throws ApiException.Forbidden                   if admission denies it, or a finalizer is added while deleting
     * @throws io.flotilla.core.store.StoreException.NotFound if absent
     * @throws io.flotilla.core.store.StoreException.Conflict if the resourceVersion is set and stale
     */
    <T extends Resource> T update(T object);

    /**
     * Applies {@code change} to the latest stored object and {@link #update updates} it, re-reading and retrying
     * on conflict, as controllers need. {@code change} may run more than once and must be free of side effects;
     * returning an equal object writes nothing.
     *
     * @return the stored object
     * @throws io.flotilla.core.store.StoreException.NotFound if absent
     */
    <T extends Resource> T update(ResourceType<T> type, String namespace, String name, UnaryOperator<T> change);

    /**
     * Replaces an object's status only (the status subresource); everything else is kept from the stored object.
     *
     * @return the stored object
     * @throws IllegalArgumentException                 if the kind has no status
     * @throws io.flotilla.core.store.StoreException.NotFound if absent
     * @throws io.flotilla.core.store.StoreException.Conflict if the resourceVersion is set and stale
     */
    <T extends Resource> T updateStatus(T object);

    /**
     * Applies {@code change} to the latest stored object and writes its status, retrying on conflict.
     *
     * @return the stored object
     * @throws IllegalArgumentException                 if the kind has no status
     * @throws io.flotilla.core.store.StoreException.NotFound if absent
     */
    <T extends Resource> T updateStatus(ResourceType<T> type, String namespace, String name,
                                        UnaryOperator<T> change);

    /**
     * Binds a pending pod to a node in one write, like Kubernetes' {@code pods/binding} subresource (what the
     * scheduler calls): sets {@code spec.nodeName} and the {@code PodScheduled=True} condition (transition time from
     * the server's clock). The pod is admitted (an UPDATE of subresource {@code binding}) but, as in Kubernetes,
     * neither defaulted nor validated again: it was valid when stored, and the server sets the only two fields that
     * change (the node name must be a DNS-1123 subdomain). A pod that is already bound, to any node, or is being
     * deleted is returned as stored, unchanged: the returned pod's {@code spec.nodeName} tells whether the binding
     * took.
     *
     * @param namespace the pod's namespace; {@code null} means {@code default}
     * @param name      the pod's name
     * @param nodeName  the node; not blank
     * @return the stored pod
     * @throws io.flotilla.core.store.StoreException.NotFound if the pod is absent
     * @throws ApiException.Invalid                     if {@code nodeName} is not a DNS-1123 subdomain
     * @throws ApiException.Forbidden                   if admission denies the binding
     */
    Pod bind(String namespace, String name, String nodeName);

    /**
     * Deletes an object, or marks it for deletion when finalizers (its own, or those the propagation policy adds)
     * or a grace period hold it back.
     *
     * @return the object still stored, with {@code deletionTimestamp} set, if it was only marked; else its last
     *         state (then {@link #get} finds nothing)
     * @throws io.flotilla.core.store.StoreException.NotFound if absent
     * @throws io.flotilla.core.store.StoreException.Conflict if a precondition fails
     * @throws ApiException.Forbidden                   if admission denies it or it is a system namespace
     */
    <T extends Resource> T delete(ResourceType<T> type, String namespace, String name, DeleteOptions options);

    /**
     * Deletes with {@link DeleteOptions#defaults()}; see {@link #delete(ResourceType, String, String, DeleteOptions)}.
     */
    default <T extends Resource> T delete(ResourceType<T> type, String namespace, String name) {
        return delete(type, namespace, name, DeleteOptions.defaults());
    }

    /**
     * Watches one kind; the store's watch, unchanged.
     *
     * @throws io.flotilla.core.store.StoreException.Gone if the revision is older than the retained history
     */
    <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options);

    /**
     * Watches one kind with a push listener; the store's watch, unchanged.
     *
     * @throws io.flotilla.core.store.StoreException.Gone if the revision is older than the retained history
     */
    <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options, WatchListener<T> listener);

    /**
     * Creates {@code desired} if absent, else merges it into the stored object like {@code kubectl apply}: a
     * three-way merge of the stored object, {@code desired} and the previous desired state recorded in the
     * {@value #LAST_APPLIED_ANNOTATION} annotation. The rules, applied to the JSON trees:
     * <ul>
     *   <li>a field set in {@code desired} wins;</li>
     *   <li>a field set in the last-applied state but absent from {@code desired} is removed (the user dropped
     *       it);</li>
     *   <li>a field absent from both is kept as stored: it belongs to someone else (the status; {@code
     *       spec.replicas} set by an autoscaler when the user never set it; server defaults; labels other tools
     *       added);</li>
     *   <li>objects (maps) merge key by key with these rules;</li>
     *   <li>lists are replaced as a whole, except lists of named things (containers, initContainers, env, ports,
     *       volumes, volumeMounts, ...), which merge element by element on their key ({@code name}, or
     *       {@code containerPort}/{@code mountPath} where Kubernetes uses those) like a strategic merge patch:
     *       elements are matched by key and merged with these rules, elements only in the stored list are kept
     *       unless the last-applied list had them, and the order is {@code desired}'s followed by kept ones;</li>
     *   <li>{@code metadata} fields the server owns (uid, resourceVersion, generation, timestamps) are always
     *       kept.</li>
     * </ul>
     * The merged object then goes through {@link #update} (so immutability, validation and admission apply).
     *
     * @param desired      the object as the user wants it; its resourceVersion is ignored
     * @param fieldManager who applies, for admission's {@code user}; not {@code null}
     * @return the stored object
     * @throws ApiException.Invalid   if the merged object is not valid
     * @throws ApiException.Forbidden if admission denies it or the namespace is terminating
     */
    <T extends Resource> T apply(T desired, String fieldManager);

    /** The store's current revision. */
    long revision();

    /**
     * Stops the background controllers (garbage collector, namespace controller) this server started, if any.
     * Does not close the store. Idempotent.
     */
    @Override
    void close();
}
