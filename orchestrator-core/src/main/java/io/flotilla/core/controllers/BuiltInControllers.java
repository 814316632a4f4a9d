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
        // apps: StatefulSet, DaemonSet; batch: Job, CronJob; storage: PersistentVolume binding
    }
}
