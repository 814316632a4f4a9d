/**
 * Kubernetes' defaults for the built-in kinds, applied by the API server on every create and update before
 * admission and validation. The defaults work on the objects' JSON trees, by Kubernetes field name, so one pod
 * defaulter serves Pods and the pod templates inside Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and
 * CronJobs alike.
 */
package io.flotilla.core.apiserver.defaults;
