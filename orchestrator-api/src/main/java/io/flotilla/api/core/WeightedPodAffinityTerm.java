package io.flotilla.api.core;

/**
 * A weighted pod (anti-)affinity preference. Immutable.
 *
 * @param weight          1 to 100
 * @param podAffinityTerm the term
 */
public record WeightedPodAffinityTerm(Integer weight, PodAffinityTerm podAffinityTerm) {
}
