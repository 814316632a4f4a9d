package io.flotilla.core.controllers.replicaset;

import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.ReplicaSetStatus;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Indexers;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.controllers.support.PodClaims;
import io.flotilla.core.controllers.support.Pods;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/*
 * Design notes: Kubernetes' syncReplicaSet. A reconcile reads the ReplicaSet and the candidate pods from the caches,
 * claims them (adopt orphans, release pods that stopped matching), and, when the expectations say the cache has
 * seen this controller's earlier writes, creates or deletes the difference (PodWriter). The status is recomputed
 * from the claimed active pods, except while the cache is about to show this controller's own recent writes
 * (FRESH_EXPECTATIONS). Candidates come from the label index (one selector label, preferring
 * pod-template-hash, which is exact for a Deployment's ReplicaSets) plus the pods the ReplicaSet controls, so a
 * reconcile costs the size of its own pods, not of the namespace.
 */
final class ReplicaSetReconciler implements Reconciler {
    /** The most pods one reconcile creates or deletes (Kubernetes' {@code BurstReplicas}). */
    static final int BURST_REPLICAS = 500;
    private static final String TEMPLATE_HASH_LABEL = "pod-template-hash";
    /**
     * How long writes the cache does not show yet make a reconcile wait for them instead of claiming and
     * recomputing the status (which Kubernetes does on every sync): during a burst of creations the pods' own
     * events would otherwise trigger one full pass over all pods after another. Past it (a pod deleted before the
     * cache saw it keeps the expectations pending until they expire), the status is kept up to date as before.
     */
    static final Duration FRESH_EXPECTATIONS = Duration.ofSeconds(1);

    private final Client client;
    private final Lister<ReplicaSet> sets;
    private final Lister<Pod> pods;
    private final Clock clock;
    private final Expectations expectations;
    private final PodWriter writer;

    ReplicaSetReconciler(Client client, SharedInformerFactory informers, Clock clock, EventRecorder recorder) {
        this.client = client;
        this.sets = informers.lister(ReplicaSet.TYPE);
        this.pods = informers.lister(Pod.TYPE);
        this.clock = clock;
        this.expectations = new Expectations(clock);
        this.writer = new PodWriter(client.pods(), recorder, expectations);
    }

    @Override
    public Result reconcile(Request request) throws InterruptedException {
        String key = request.toString();
        Optional<ReplicaSet> found = sets.get(request.namespace(), request.name());
        if (found.isEmpty()) {
            expectations.forget(key);
            return Result.done();
        }
        ReplicaSet rs = found.get();
        if (rs.spec() == null || rs.spec().selector() == null) {
            return Result.done();
        }
        boolean needsSync = expectations.satisfied(key, request.namespace(), pods);
        Duration pending = expectations.pendingFor(key);
        if (!needsSync && pending.compareTo(FRESH_EXPECTATIONS) < 0) {
            // the pods still expected enqueue this ReplicaSet as the cache shows them; reading all its pods now
            // would only compute a status about to be superseded
            return Result.requeueAfter(FRESH_EXPECTATIONS.minus(pending));
        }
        List<Pod> owned = PodClaims.claim(rs, rs.spec().selector(), candidates(rs), p -> true, client.pods());
        PodWriter.Outcome outcome = PodWriter.Outcome.NOTHING;
        if (needsSync && !rs.metadata().isDeleting()) {
            outcome = writer.scale(key, rs, owned, () -> related(rs), BURST_REPLICAS);
        }
        Instant now = clock.now();
        ReplicaSetStatus status = ReplicaSetStatuses.calculate(rs, owned, outcome, now);
        if (!status.equals(rs.status())) {
            client.replicaSets().inNamespace(request.namespace())
                    .updateStatus(request.name(), current -> current.withStatus(status));
        }
        if (outcome.failed()) {
            return Result.requeue();
        }
        if (!needsSync) {
            return Result.requeueAfter(Expectations.TIMEOUT);
        }
        return untilNextAvailable(rs, owned, now).map(Result::requeueAfter).orElse(Result.done());
    }

    /**
     * The active pods that may belong to {@code rs}: those matching one of its selector labels, and its own. Both
     * index lookups come sorted by name (one namespace), so their union is a merge, without a map, and only of the
     * matching pods another controller (or none) holds: normally there are none.
     */
    private List<Pod> candidates(ReplicaSet rs) {
        String namespace = rs.metadata().namespace();
        LabelSelector selector = rs.spec().selector();
        Map<String, String> labels = selector.matchLabels();
        List<Pod> matching;
        if (labels.isEmpty()) {
            matching = pods.list(namespace);
        } else {
            String label = labels.containsKey(TEMPLATE_HASH_LABEL) ? TEMPLATE_HASH_LABEL
                    : labels.keySet().iterator().next();
            matching = pods.byIndex(Indexers.LABEL, Indexers.labelValue(label, labels.get(label)));
        }
        String uid = rs.metadata().uid();
        if (uid == null) {
            return activeIn(namespace, matching);
        }
        // the matching pods this ReplicaSet controls are among its own: only the others need merging in
        List<Pod> others = new ArrayList<>();
        for (Pod pod : matching) {
            if (!uid.equals(controllerUid(pod)) && namespace.equals(pod.metadata().namespace())
                    && Pods.isActive(pod)) {
                others.add(pod);
            }
        }
        List<Pod> own = activeIn(namespace, pods.byIndex(Indexers.OWNER, uid));
        return others.isEmpty() ? own : union(others, own);
    }

    /** The uid of the pod's controller, or {@code null}; without the Optional, as it runs for every pod. */
    private static String controllerUid(Pod pod) {
        for (OwnerReference ref : pod.metadata().ownerReferences()) {
            if (ref.isController()) {
                return ref.uid();
            }
        }
        return null;
    }

    /** The active pods of {@code pods} (sorted by namespace and name) in {@code namespace}, in that order. */
    private static List<Pod> activeIn(String namespace, List<Pod> pods) {
        List<Pod> out = new ArrayList<>(pods.size());
        for (Pod pod : pods) {
            if (namespace.equals(pod.metadata().namespace()) && Pods.isActive(pod)) {
                out.add(pod);
            }
        }
        return out;
    }

    /** The union of two lists of one namespace's pods sorted by name, sorted by name; {@code a}'s on a tie. */
    private static List<Pod> union(List<Pod> a, List<Pod> b) {
        List<Pod> out = new ArrayList<>(Math.max(a.size(), b.size()));
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int order = i == a.size() ? 1 : j == b.size() ? -1
                    : a.get(i).metadata().name().compareTo(b.get(j).metadata().name());
            out.add(order <= 0 ? a.get(i) : b.get(j));
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        return out;
    }

    /**
     * The active pods of the ReplicaSets that share {@code rs}'s controller (a Deployment's ReplicaSets), for the
     * "doubled up on a node" rank of the scale-down order; empty for a ReplicaSet without a controller.
     */
    private List<Pod> related(ReplicaSet rs) {
        return rs.metadata().controllerReference()
                .map(ref -> sets.byIndex(Indexers.OWNER, ref.uid()).stream()
                        .flatMap(sibling -> pods.byIndex(Indexers.OWNER, sibling.metadata().uid()).stream())
                        .filter(Pods::isActive)
                        .toList())
                .orElse(List.of());
    }

    /** The time until the next ready pod becomes available ({@code minReadySeconds}), if one is waiting. */
    private static Optional<Duration> untilNextAvailable(ReplicaSet rs, List<Pod> owned, Instant now) {
        int minReady = ReplicaSetStatuses.minReadySeconds(rs);
        if (minReady <= 0) {
            return Optional.empty();
        }
        return owned.stream()
                .map(pod -> Pods.availableIn(pod, minReady, now).orElse(Duration.ZERO))
                .filter(d -> !d.isZero())
                .min(Duration::compareTo);
    }
}
