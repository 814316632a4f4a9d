package io.flotilla.core.controllers.job;

import io.flotilla.api.batch.Job;
import io.flotilla.api.core.Pod;
import io.flotilla.core.controllers.ControllerContext;

/** Registers the Job controller and names what it writes. Stateless. */
public final class JobController {
    /** The controller's name, also its events' source component. */
    public static final String NAME = "job-controller";
    /** Annotation and label with an Indexed Job pod's completion index. */
    public static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
    /** The environment variable through which an Indexed Job's containers read their index. */
    public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";

    private JobController() {
    }

    /**
     * Registers the controller: it reconciles Jobs, on changes of their pods too.
     *
     * @param context the controller context; not {@code null}
     */
    public static void register(ControllerContext context) {
        JobReconciler reconciler = new JobReconciler(context.client(), context.informers().lister(Job.TYPE),
                context.informers().lister(Pod.TYPE), context.clock(), context.recorder(NAME));
        context.manager().controller(NAME).forType(Job.TYPE).owns(Pod.TYPE).workers(2).reconciler(reconciler);
    }
}
