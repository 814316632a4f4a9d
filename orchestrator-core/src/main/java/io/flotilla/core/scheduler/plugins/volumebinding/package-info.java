/**
 * The {@code VolumeBinding} plugin (basics): a pod's PersistentVolumeClaims must exist; a claim bound to a volume
 * with node affinity pins the pod to matching nodes; an unbound claim is fine when its StorageClass binds on first
 * consumer, and unschedulable when it binds immediately; and a {@code ReadWriteOnce} claim in use on one node, or a
 * {@code ReadWriteOncePod} claim in use at all, rules out the other nodes (or every node). Kubernetes splits these
 * rules over VolumeBinding and VolumeRestrictions; this plugin keeps their reasons.
 */
package io.flotilla.core.scheduler.plugins.volumebinding;
