package io.flotilla.core.controllers.daemonset;

import io.flotilla.api.apps.DaemonSet;
import io.flotilla.api.apps.DaemonSetStatus;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Node;
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
 * Reconciles one DaemonSet: claims its pods, runs one {@link DaemonSync} pass over every node, and writes the
 * status. Thread-safe: per-key state lives in {@link Expectations}.
 */
final class DaemonSetReconciler implements Reconciler {
    private final Client client;
    private final Lister<DaemonSet> sets;
    private final Lister<Pod> pods;
    private final Lister<Node> nodes;
    private final DaemonSync.Tools tools;

    DaemonSetReconciler(Client client, Lister<DaemonSet> sets, Lister<Pod> pods, Lister<Node> nodes, Clock clock,
                        EventRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.sets = Objects.requireNonNull(sets, "sets");
        this.pods = Objects.requireNonNull(pods, "pods");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.tools = new DaemonSync.Tools(client, clock, recorder, new Expectations(clock));
    }

    @Override
    public Result reconcile(Request request) {
        String key = request.toString();
        DaemonSet ds = sets.get(request.namespace(), request.name()).orElse(null);
        if (ds == null || ds.spec() == null) {
            tools.expectations().forget(key);
            return Result.done();
        }
        if (!tools.expectations().satisfied(key, request.namespace(), pods)) {
            return Result.done();
        }
        List<Pod> owned = PodClaims.claim(ds, ds.spec().selector(), pods.list(request.namespace()), p -> true,
                client.pods());
        DaemonSync sync = new DaemonSync(tools, key, ds, owned, nodes.list());
        Result result = ds.metadata().isDeleting() ? Result.done() : sync.run();
        DaemonSetStatus status = sync.status();
        if (!status.equals(ds.status())) {
            try {
                client.daemonSets().inNamespace(request.namespace()).updateStatus(request.name(),
                        d -> d.withStatus(status));
            } catch (StoreException.NotFound gone) {
                return Result.done();
            }
        }
        return result;
    }
}
