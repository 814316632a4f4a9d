/**
 * The {@code DefaultPreemption} post-filter plugin: when a pod fits nowhere, find nodes where evicting pods of
 * strictly lower priority would make it fit, pick the node whose evictions disrupt least (Kubernetes' order), evict
 * those victims through the scheduler handle and nominate the node for the pod's next attempt.
 */
package io.flotilla.core.scheduler.plugins.defaultpreemption;
