package io.flotilla.api.scheduler;

/**
 * A preferred pod (anti-)affinity term with its weight (1..100), like Kubernetes'
 * {@code framework.WeightedAffinityTerm}. Immutable and thread-safe.
 *
 * @param term   the parsed term; never null
 * @param weight the weight from the pod spec
 */
public record WeightedAffinityTerm(AffinityTerm term, int weight) {
}
