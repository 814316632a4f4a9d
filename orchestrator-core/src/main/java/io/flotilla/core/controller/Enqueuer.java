package io.flotilla.core.controller;

import io.flotilla.api.controller.Request;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event handlers a controller registers, after controller-runtime's {@code EnqueueRequestForObject},
 * {@code EnqueueRequestForOwner} (controller references only) and {@code EnqueueRequestsFromMapFunc}. An update of a
 * dependent or mapped object enqueues the keys of both versions, so a change of owner or mapping reaches the old
 * target as well as the new one. A mapping that throws is logged and skipped, never passed to the source.
 */
final class Enqueuer<T extends Resource> implements ResourceEventHandler<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Enqueuer.class);
    /** Owner keys remembered for batching before the stale ones are dropped. */
    private static final int MAX_REMEMBERED = 1024;

    private final String controller;
    private final WorkQueue<Request> queue;
    private final Function<? super T, ? extends Collection<Request>> keys;
    private final boolean keysOfOldVersion;
    private final BiPredicate<? super T, ? super T> updateMatters;
    private final BiPredicate<? super T, ? super T> urgent;
    private final Duration batchPeriod;
    /** Per owner key, when its latest batched update is (or was) delivered, on the queue's clock. */
    private final Map<Request, Long> deliveries = new ConcurrentHashMap<>();

    private Enqueuer(String controller, WorkQueue<Request> queue,
                     Function<? super T, ? extends Collection<Request>> keys, boolean keysOfOldVersion,
                     BiPredicate<? super T, ? super T> updateMatters, BiPredicate<? super T, ? super T> urgent,
                     Duration batchPeriod) {
        this.controller = controller;
        this.queue = queue;
        this.keys = keys;
        this.keysOfOldVersion = keysOfOldVersion;
        this.updateMatters = updateMatters;
        this.urgent = urgent;
        this.batchPeriod = batchPeriod;
    }

    /**
     * Enqueues {@code key} at once if its last batched delivery is a whole period ago (a lone update, such as one
     * pod becoming ready, costs no latency), else at the end of the current period (a burst costs one reconcile per
     * period).
     */
    private void addBatched(Request key) {
        long now = queue.nanoTime();
        long period = batchPeriod.toNanos();
        long deliverAt = deliveries.compute(key, (k, last) -> {
            if (last == null || now - last >= period) {
                return now;                        // quiet for a period: deliver at once
            }
            return last > now ? last : last + period;  // one already due later, or the end of this period
        });
        if (deliverAt <= now) {
            queue.add(key);
        } else {
            queue.addAfter(key, Duration.ofNanos(deliverAt - now));
        }
        if (deliveries.size() > MAX_REMEMBERED) {
            deliveries.values().removeIf(t -> now - t >= period);
        }
    }

    /** Enqueues the object's own key. */
    static Enqueuer<Resource> forObject(String controller, WorkQueue<Request> queue) {
        return new Enqueuer<>(controller, queue, object -> List.of(Request.of(object)), false, (a, b) -> true,
                (a, b) -> true, Duration.ZERO);
    }

    /**
     * Enqueues the key of the object's controller owner when that owner is of {@code ownerType}; updates only when
     * {@code updateMatters(old, new)}, and those not {@code urgent(old, new)} after {@code batchPeriod}.
     */
    static <T extends Resource> Enqueuer<T> forOwner(String controller, WorkQueue<Request> queue,
                                                     ResourceType<?> ownerType,
                                                     BiPredicate<? super T, ? super T> updateMatters,
                                                     BiPredicate<? super T, ? super T> urgent,
                                                     Duration batchPeriod) {
        return new Enqueuer<>(controller, queue, object -> ownerKey(ownerType, object), true, updateMatters, urgent,
                batchPeriod);
    }

    /** Enqueues whatever keys {@code mapper} gives; {@code null} means none. */
    static <T extends Resource> Enqueuer<T> mapped(String controller, WorkQueue<Request> queue,
                                                   Function<? super T, ? extends Collection<Request>> mapper) {
        return new Enqueuer<>(controller, queue, mapper, true, (a, b) -> true, (a, b) -> true, Duration.ZERO);
    }

    @Override
    public void onAdd(T object) {
        enqueue(object);
    }

    @Override
    public void onUpdate(T oldObject, T newObject) {
        if (!updateMatters.test(oldObject, newObject)) {
            return;
        }
        Consumer<Request> enqueue = batchPeriod.isZero() || urgent.test(oldObject, newObject) ? queue::add
                : this::addBatched;
        Collection<Request> now = keys(newObject);
        if (keysOfOldVersion) {
            // once per distinct key: a worker may take the first add before the second, reconciling twice
            Collection<Request> before = keys(oldObject);
            if (before != null) {
                before.stream().filter(key -> now == null || !now.contains(key)).forEach(enqueue);
            }
        }
        if (now != null) {
            now.forEach(enqueue);
        }
    }

    @Override
    public void onDelete(T object) {
        enqueue(object);
    }

    private void enqueue(T object) {
        Collection<Request> requests = keys(object);
        if (requests != null) {
            requests.forEach(queue::add);
        }
    }

    /** The object's keys; {@code null} for none, also when the mapper fails (logged). */
    private Collection<Request> keys(T object) {
        try {
            return keys.apply(object);
        } catch (RuntimeException e) {
            LOG.warn("Controller {}: mapping {} {}/{} to reconcile requests failed; event skipped", controller,
                    object.kind(), object.metadata().namespace(), object.metadata().name(), e);
            return null;
        }
    }

    private static List<Request> ownerKey(ResourceType<?> ownerType, Resource object) {
        return object.metadata().controllerReference()
                .filter(ref -> isOfType(ref, ownerType))
                .map(ref -> Request.of(ownerType.namespaced() ? object.metadata().namespace() : "", ref.name()))
                .stream().toList();
    }

    /** Same kind and API group; the version may differ, as in controller-runtime. */
    private static boolean isOfType(OwnerReference ref, ResourceType<?> type) {
        if (!type.kind().equals(ref.kind()) || ref.apiVersion() == null) {
            return false;
        }
        int slash = ref.apiVersion().indexOf('/');
        String group = slash < 0 ? "" : ref.apiVersion().substring(0, slash);
        return type.group().equals(group);
    }
}
