/**
 * The StatefulSet controller: pods with stable identities ({@code <set>-<ordinal>}, hostname and subdomain), their
 * own PersistentVolumeClaims from {@code volumeClaimTemplates}, created, deleted and updated in Kubernetes'
 * documented order ({@code OrderedReady} or {@code Parallel}; {@code RollingUpdate} from the highest ordinal down
 * to the partition, or {@code OnDelete}). Revisions are named {@code <set>-<template hash>} as Kubernetes'
 * ControllerRevisions are, but kept as pod labels, the status' {@code currentRevision}/{@code updateRevision}
 * and one annotation on the set holding the current revision's template, instead of ControllerRevision objects.
 */
package io.flotilla.core.controllers.statefulset;
