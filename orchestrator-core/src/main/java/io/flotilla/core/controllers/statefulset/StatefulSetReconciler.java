package io.flotilla.core.controllers.statefulset;

import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.apps.StatefulSetStatus;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.controllers.support.PodClaims;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Reconciles one StatefulSet: claims its pods, runs one {@link SetSync} pass (create, delete or update at most
 * what the policy allows), then writes the status and, when a revision becomes current, its template annotation.
 * Thread-safe: per-key state lives in {@link Expectations}; everything else is read from the informer caches.
 */
final class StatefulSetReconciler implements Reconciler {
    private final Client client;
    private final Lister<StatefulSet> sets;
    private final Lister<Pod> pods;
    private final SetSync.Tools tools;

    /**
     * A reconciler reading from the given caches and writing through {@code client}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    StatefulSetReconciler(Client client, Lister<StatefulSet> sets, Lister<Pod> pods,
                          Lister<PersistentVolumeClaim> claims, Clock clock, EventRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.sets = Objects.requireNonNull(sets, "sets");
        this.pods = Objects.requireNonNull(pods, "pods");
        this.tools = new SetSync.Tools(client, claims, clock, recorder, new Expectations(clock));
    }

    @Override
    public Result reconcile(Request request) {
        String key = request.toString();
        StatefulSet set = sets.get(request.namespace(), request.name()).orElse(null);
        if (set == null || set.spec() == null) {
            tools.expectations().forget(key);
            return Result.done();
        }
        if (!tools.expectations().satisfied(key, request.namespace(), pods)) {
            return Result.done();
        }
        List<Pod> owned = PodClaims.claim(set, set.spec().selector(), pods.list(request.namespace()),
                pod -> StatefulPods.isMember(set, pod), client.pods());
        SetSync sync = new SetSync(tools, key, set, owned, Revisions.of(set));
        Result result = set.metadata().isDeleting() ? Result.done() : sync.run();
        writeStatus(set, sync.status());
        return result;
    }

    private void writeStatus(StatefulSet set, StatefulSetStatus status) {
        String ns = set.metadata().namespace();
        String name = set.metadata().name();
        Revisions revisions = Revisions.of(set);
        try {
            if (status.currentRevision().equals(revisions.update())
                    && !Revisions.annotated(set, revisions.update())) {
                String value = Revisions.annotationValue(revisions.update(), revisions.updateTemplate());
                client.statefulSets().update(ns, name, s -> s.withMetadata(s.metadata()
                        .withAnnotation(StatefulSetController.CURRENT_TEMPLATE_ANNOTATION, value)));
            }
            if (!status.equals(set.status())) {
                client.statefulSets().inNamespace(ns).updateStatus(name, s -> s.withStatus(status));
            }
        } catch (StoreException.NotFound gone) {
            // deleted meanwhile: nothing to report
        }
    }
}
