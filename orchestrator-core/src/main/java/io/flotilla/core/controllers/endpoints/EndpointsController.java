package io.flotilla.core.controllers.endpoints;

import io.flotilla.api.controller.Request;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Service;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.ControllerContext;
import java.util.List;

/** Registers the endpoints controller and names what it writes. Stateless. */
public final class EndpointsController {
    /** The controller's name, also its events' source component. */
    public static final String NAME = "endpoint-controller";
    /** The Warning event on a Service when a pod lacks the named container port a Service port targets. */
    public static final String REASON_PORT_NOT_FOUND = "FailedToResolveTargetPort";

    private EndpointsController() {
    }

    /**
     * Registers the controller: it reconciles Services, on changes of their Endpoints and of the pods they select.
     *
     * @param context the controller context; not {@code null}
     */
    public static void register(ControllerContext context) {
        Lister<Service> services = context.informers().lister(Service.TYPE);
        EndpointsReconciler reconciler = new EndpointsReconciler(context.client(), services,
                context.informers().lister(Pod.TYPE), context.informers().lister(Endpoints.TYPE),
                context.recorder(NAME));
        context.manager().controller(NAME).forType(Service.TYPE).owns(Endpoints.TYPE)
                .watches(Pod.TYPE, pod -> servicesSelecting(services, pod))
                .workers(2).reconciler(reconciler);
    }

    /** The keys of the Services in the pod's namespace whose selector matches the pod's labels. */
    static List<Request> servicesSelecting(Lister<Service> services, Pod pod) {
        String namespace = pod.metadata().namespace();
        return services.list(namespace).stream()
                .filter(s -> !s.spec().selector().isEmpty()
                        && LabelSelector.of(s.spec().selector()).matches(pod.metadata().labels()))
                .map(Request::of)
                .toList();
    }
}
