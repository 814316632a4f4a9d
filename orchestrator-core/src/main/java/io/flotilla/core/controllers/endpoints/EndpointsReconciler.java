package io.flotilla.core.controllers.endpoints;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Service;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.store.StoreException;
import java.util.Objects;
import java.util.Optional;

/*
 * Design notes: Kubernetes' syncService. Reads the Service and its pods from the caches, computes the subsets and
 * writes the Endpoints only when they differ. A deleted Service needs nothing here: its Endpoints carry a controller
 * owner reference, so the garbage collector removes them. Services without a selector keep hand-written Endpoints.
 */
/** Reconciles one Service's Endpoints. Thread-safe (stateless apart from its collaborators). */
final class EndpointsReconciler implements Reconciler {
    private final Client client;
    private final Lister<Service> services;
    private final Lister<Pod> pods;
    private final Lister<Endpoints> endpoints;
    private final EventRecorder recorder;

    EndpointsReconciler(Client client, Lister<Service> services, Lister<Pod> pods, Lister<Endpoints> endpoints,
                        EventRecorder recorder) {
        this.client = client;
        this.services = services;
        this.pods = pods;
        this.endpoints = endpoints;
        this.recorder = recorder;
    }

    @Override
    public Result reconcile(Request request) {
        Optional<Service> found = services.get(request.namespace(), request.name());
        if (found.isEmpty() || found.get().spec().selector().isEmpty() || found.get().metadata().isDeleting()) {
            return Result.done();
        }
        Service service = found.get();
        Subsets.Computed computed = Subsets.compute(service,
                pods.list(request.namespace(), LabelSelector.of(service.spec().selector())));
        computed.problems().forEach(p -> recorder.warning(service, EndpointsController.REASON_PORT_NOT_FOUND, "%s", p));
        var writer = client.endpoints().inNamespace(request.namespace());
        Optional<Endpoints> current = endpoints.get(request.namespace(), request.name());
        try {
            if (current.isEmpty()) {
                ObjectMeta meta = ObjectMeta.builder().name(request.name()).namespace(request.namespace())
                        .labels(service.metadata().labels()).ownerReference(OwnerReference.controlledBy(service))
                        .build();
                writer.create(new Endpoints(meta, computed.subsets()));
            } else if (!upToDate(current.get(), service, computed)) {
                writer.update(request.name(), e -> new Endpoints(owned(e.metadata(), service), computed.subsets()));
            }
        } catch (StoreException.AlreadyExists | StoreException.Conflict raced) {
            return Result.requeue();
        }
        return Result.done();
    }

    private static boolean upToDate(Endpoints current, Service service, Subsets.Computed computed) {
        return current.subsets().equals(computed.subsets()) && current.metadata().controllerReference()
                .map(r -> Objects.equals(r.uid(), service.metadata().uid())).orElse(false);
    }

    /** The metadata with the Service as controller owner (replacing any other controller reference). */
    private static ObjectMeta owned(ObjectMeta meta, Service service) {
        var refs = meta.ownerReferences().stream().filter(r -> !r.isController()).toList();
        return meta.toBuilder().ownerReferences(refs).ownerReference(OwnerReference.controlledBy(service)).build();
    }
}
