package io.flotilla.core.controllers;

/**
 * Registers Flotilla's built-in controllers with a cluster's controller manager. Each controller's package adds
 * one line to {@link #register}; the cluster calls it once at start.
 */
public final class BuiltInControllers {
    private BuiltInControllers() {
    }

    /**
     * Registers every built-in controller.
     *
     * @param context what the controllers are given
     */
    public static void register(ControllerContext context) {
        // apps: ReplicaSet, Deployment; autoscaling: HorizontalPodAutoscaler
        io.flotilla.core.controllers.replicaset.ReplicaSetController.register(context);
        io.flotilla.core.controllers.deployment.DeploymentController.register(context);
        io.flotilla.core.controllers.hpa.HorizontalPodAutoscalerController.register(context); // metrics: see hpa
        // apps: StatefulSet, DaemonSet; batch: Job, CronJob; storage: PersistentVolume binding
        io.flotilla.core.controllers.statefulset.StatefulSetController.register(context);
        io.flotilla.core.controllers.daemonset.DaemonSetController.register(context);
        io.flotilla.core.controllers.job.JobController.register(context);
        io.flotilla.core.controllers.cronjob.CronJobController.register(context);
        io.flotilla.core.controllers.volume.VolumeController.register(context); // also ensures the default StorageClass
        io.flotilla.core.controllers.endpoints.EndpointsController.register(context);
    }
}
