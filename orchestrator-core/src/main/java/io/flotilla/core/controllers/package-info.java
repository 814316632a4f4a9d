/**
 * The built-in controllers, one sub-package per kind (ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob,
 * HorizontalPodAutoscaler, PersistentVolume binding, node lifecycle), each a level-triggered
 * {@link io.flotilla.api.controller.Reconciler} registered with the controller manager by
 * {@link io.flotilla.core.controllers.BuiltInControllers}.
 */
package io.flotilla.core.controllers;
