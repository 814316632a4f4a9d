/**
 * The DaemonSet controller, after Kubernetes' {@code daemon} controller: one pod per eligible node (node selector,
 * required node affinity, taints against the template's tolerations plus Kubernetes' automatic daemon
 * tolerations), placed as Kubernetes does — by a required node affinity on {@code metadata.name} that the
 * scheduler honours, not by setting {@code spec.nodeName}; pods are added when a node joins or becomes eligible
 * and removed when it leaves (force-deleted, as Kubernetes' pod garbage collector does for pods of vanished nodes)
 * or stops being eligible; rolling updates honour {@code maxUnavailable} or {@code maxSurge}.
 */
package io.flotilla.core.controllers.daemonset;
