package io.flotilla.core.controllers.support;

import io.flotilla.api.core.Pod;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a controller has written but its pod cache may not show yet, like client-go's {@code ControllerExpectations}
 * (by pod identity rather than by counts): after creating or deleting pods for an owner, the controller records
 * them here, and {@link #satisfied} answers whether the cache has caught up, so that a reconcile running on a
 * stale cache does not create or delete the same pods twice. The owner's next reconcile is triggered by the pod
 * events themselves. Pending expectations expire after five minutes (on the injected clock), as Kubernetes'.
 *
 * <p>Thread-safe. Owner keys are the reconcile requests' {@code namespace/name} strings.
 */
public final class Expectations {
    /** Kubernetes' {@code ExpectationsTimeout}. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Expectations timed on {@code clock}.
     *
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    public Expectations(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records that the owner {@code key} created {@code pod} (as returned by the API). */
    public void created(String key, Pod pod) {
        entry(key).creates.add(pod.metadata().name());
    }

    /** Records that the owner {@code key} asked to delete {@code pod}. */
    public void deleted(String key, Pod pod) {
        entry(key).deletes.put(pod.metadata().name(), Objects.toString(pod.metadata().uid(), ""));
    }

    /**
     * Whether every write recorded for {@code key} shows in {@code pods} (created pods are cached; deleted pods are
     * gone, replaced, or marked for deletion), or the expectations expired. Observed writes are forgotten.
     *
     * @param key       the owner key
     * @param namespace the owner's namespace
     * @param pods      the pod cache
     */
    public boolean satisfied(String key, String namespace, Lister<Pod> pods) {
        Pending p = pending.get(key);
        if (p == null) {
            return true;
        }
        synchronized (p) {
            p.creates.removeIf(name -> pods.get(namespace, name).isPresent());
            p.deletes.entrySet().removeIf(e -> pods.get(namespace, e.getKey())
                    .map(pod -> pod.metadata().isDeleting() || !e.getValue().equals(pod.metadata().uid()))
                    .orElse(true));
            boolean done = p.creates.isEmpty() && p.deletes.isEmpty();
            if (done || !clock.now().isBefore(p.since.plus(TIMEOUT))) {
                pending.remove(key, p);
                return true;
            }
            return false;
        }
    }

    /**
     * How long the writes recorded for {@code key} have been waiting to show in the cache; zero if none are
     * pending. As of the last {@link #satisfied} call, which forgets observed writes.
     */
    public Duration pendingFor(String key) {
        Pending p = pending.get(key);
        return p == null ? Duration.ZERO : Duration.between(p.since, clock.now());
    }

    /** Forgets everything recorded for {@code key} (the owner is gone). */
    public void forget(String key) {
        pending.remove(key);
    }

    private Pending entry(String key) {
        return pending.computeIfAbsent(key, k -> new Pending(clock.now()));
    }

    private static final class Pending {
        final Instant since;
        final Set<String> creates = ConcurrentHashMap.newKeySet();
        final Map<String, String> deletes = new ConcurrentHashMap<>();

        Pending(Instant since) {
            this.since = since;
        }
    }
}
