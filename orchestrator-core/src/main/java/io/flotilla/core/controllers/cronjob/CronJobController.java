package io.flotilla.core.controllers.cronjob;

import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.Job;
import io.flotilla.core.controllers.ControllerContext;

/** Registers the CronJob controller and names what it writes. Stateless. */
public final class CronJobController {
    /** The controller's name, also its events' source component. */
    public static final String NAME = "cronjob-controller";
    /** Annotation on each Job with its scheduled time (RFC 3339, in the CronJob's time zone), as Kubernetes'. */
    public static final String SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    private CronJobController() {
    }

    /**
     * Registers the controller: it reconciles CronJobs, on changes of the Jobs they own too, and requeues each
     * until its next schedule time.
     *
     * @param context the controller context; not {@code null}
     */
    public static void register(ControllerContext context) {
        CronJobReconciler reconciler = new CronJobReconciler(context.client(),
                context.informers().lister(CronJob.TYPE), context.informers().lister(Job.TYPE), context.clock(),
                context.recorder(NAME));
        context.manager().controller(NAME).forType(CronJob.TYPE).owns(Job.TYPE).workers(2).reconciler(reconciler);
    }
}
