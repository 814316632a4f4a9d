package io.flotilla.core.controller;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Fluent registration of one controller, after controller-runtime's builder:
 *
 * <pre>{@code
 * manager.controller("replicaset")
 *        .forType(ReplicaSet.TYPE)                 // a ReplicaSet event reconciles that ReplicaSet
 *        .owns(Pod.TYPE)                           // a Pod event reconciles the ReplicaSet controlling it
 *        .watches(Node.TYPE, node -> keysFor(node)) // a Node event reconciles whatever the mapping returns
 *        .workers(4)
 *        .reconciler(new ReplicaSetReconciler(...));
 * }</pre>
 *
 * <p>Not thread-safe: build on one thread. {@link #reconciler} ends the chain and registers the controller; the
 * builder cannot be used afterwards.
 */
public final class ControllerBuilder {
    private final ControllerManager manager;
    private final String name;
    private final List<Function<WorkQueue<Request>, Controller.Watch<?>>> watches = new ArrayList<>();
    private final List<Owned<?>> ownedTypes = new ArrayList<>();
    private ResourceType<?> forType;
    private int workers = 1;
    private RateLimiter<Request> rateLimiter;
    private boolean built;

    ControllerBuilder(ControllerManager manager, String name) {
        this.manager = manager;
        this.name = name;
    }

    /**
     * The kind this controller reconciles: an add, update or delete of one of its objects enqueues that object's
     * key. At most once per controller; required for {@link #owns}.
     *
     * @throws IllegalStateException if already set
     * @throws NullPointerException  if {@code type} is {@code null}
     */
    public ControllerBuilder forType(ResourceType<?> type) {
        Objects.requireNonNull(type, "type");
        if (forType != null) {
            throw new IllegalStateException("controller " + name + " already reconciles " + forType);
        }
        forType = type;
        watches.add(queue -> new Controller.Watch<>(type, Enqueuer.forObject(name, queue)));
        return this;
    }

    /**
     * A kind this controller creates and owns: an event for one of its objects enqueues the key of its controller
     * owner ({@code metadata.ownerReferences} entry with {@code controller: true}) when that owner is of the
     * {@link #forType} kind (same kind and API group).
     *
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public ControllerBuilder owns(ResourceType<?> type) {
        return owns(type, (oldObject, newObject) -> true);
    }

    /**
     * As {@link #owns(ResourceType)}, but an update of an owned object enqueues its owner only when
     * {@code updateMatters(old, new)} (controller-runtime's predicates on {@code Owns}): adds and deletes always
     * do. For owners whose reconcile costs the size of all their objects, so that changes the owner does not read
     * (a pod's node binding, for a ReplicaSet) do not cost a reconcile each. Runs on the event source's thread.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T extends Resource> ControllerBuilder owns(ResourceType<T> type,
                                                       BiPredicate<? super T, ? super T> updateMatters) {
        return owns(type, updateMatters, updateMatters, Duration.ZERO);
    }

    /**
     * As {@link #owns(ResourceType, BiPredicate)}, but updates that matter and are not {@code urgent(old, new)} are
     * delivered to their owner at most once per {@code batchPeriod}: the first after a quiet period at once (a lone
     * pod becoming ready costs no latency), the rest of a burst at the end of the period, so that pods becoming
     * ready one by one cost the owner one reconcile per period rather than one each (as the Job controller's
     * {@code syncJobBatchPeriod} in Kubernetes). Adds, deletes and urgent updates enqueue at once. Both predicates
     * run on the event source's thread.
     *
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code batchPeriod} is negative
     */
    public <T extends Resource> ControllerBuilder owns(ResourceType<T> type,
                                                       BiPredicate<? super T, ? super T> updateMatters,
                                                       BiPredicate<? super T, ? super T> urgent,
                                                       Duration batchPeriod) {
        Objects.requireNonNull(batchPeriod, "batchPeriod");
        if (batchPeriod.isNegative()) {
            throw new IllegalArgumentException("the batch period of " + name + " must not be negative, got "
                    + batchPeriod);
        }
        ownedTypes.add(new Owned<>(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(updateMatters, "updateMatters"), Objects.requireNonNull(urgent, "urgent"),
                batchPeriod));
        return this;
    }

    private record Owned<T extends Resource>(ResourceType<T> type, BiPredicate<? super T, ? super T> updateMatters,
                                             BiPredicate<? super T, ? super T> urgent, Duration batchPeriod) {
        Controller.Watch<T> watch(String controller, WorkQueue<Request> queue, ResourceType<?> ownerType) {
            return new Controller.Watch<>(type,
                    Enqueuer.forOwner(controller, queue, ownerType, updateMatters, urgent, batchPeriod));
        }
    }

    /**
     * Another kind whose events matter: {@code mapper} turns an object of it into the keys to reconcile (possibly
     * none; {@code null} counts as none). On update both versions are mapped. The mapper runs on the event source's
     * thread: keep it fast, non-blocking and thread-safe.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T extends Resource> ControllerBuilder watches(ResourceType<T> type,
                                                          Function<? super T, ? extends Collection<Request>> mapper) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapper, "mapper");
        watches.add(queue -> new Controller.Watch<>(type, Enqueuer.mapped(name, queue, mapper)));
        return this;
    }

    /**
     * How many keys may be reconciled at once (controller-runtime's {@code MaxConcurrentReconciles}); default 1.
     * One key is never reconciled twice at once, whatever this is.
     *
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public ControllerBuilder workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a controller needs at least one worker, not " + workers);
        }
        this.workers = workers;
        return this;
    }

    /**
     * The rate limiter for retries; default {@link RateLimiter#defaultControllerRateLimiter} on the manager's
     * clock. Give each controller its own instance.
     *
     * @throws NullPointerException if {@code rateLimiter} is {@code null}
     */
    public ControllerBuilder rateLimiter(RateLimiter<Request> rateLimiter) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        return this;
    }

    /**
     * Completes the registration with the reconciler to run. If the manager has already started, the controller
     * starts at once.
     *
     * @return the registered controller
     * @throws IllegalStateException if {@link #owns} was used without {@link #forType}, if this builder was already
     *                               used, if the name is taken or if the manager is closed
     * @throws NullPointerException  if {@code reconciler} is {@code null}
     */
    public Controller reconciler(Reconciler reconciler) {
        Objects.requireNonNull(reconciler, "reconciler");
        if (built) {
            throw new IllegalStateException("controller " + name + " is already registered");
        }
        if (!ownedTypes.isEmpty() && forType == null) {
            throw new IllegalStateException("controller " + name + " owns "
                    + ownedTypes.stream().map(Owned::type).toList() + " but has no forType() to name the owner kind");
        }
        built = true;
        WorkQueue<Request> queue = manager.newQueue(name, rateLimiter);
        List<Controller.Watch<?>> resolved = new ArrayList<>();
        watches.forEach(watch -> resolved.add(watch.apply(queue)));
        ResourceType<?> ownerType = forType;
        ownedTypes.forEach(owned -> resolved.add(owned.watch(name, queue, ownerType)));
        return manager.register(name, reconciler, workers, queue, resolved);
    }
}
