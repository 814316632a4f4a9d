/**
 * The {@code InterPodAffinity} plugin: required pod affinity and anti-affinity (of the incoming pod, and the
 * existing pods' anti-affinity towards it) as a Filter, preferred terms as a Score, as in Kubernetes. PreFilter and
 * PreScore do the cluster-wide work once per pod — counting matching pods per topology domain — so Filter and
 * Score are a few map lookups per node.
 */
package io.flotilla.core.scheduler.plugins.interpodaffinity;
