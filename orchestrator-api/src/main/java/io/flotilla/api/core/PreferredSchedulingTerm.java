package io.flotilla.api.core;

/**
 * A weighted node preference: nodes matching {@code preference} score {@code weight} more. Immutable.
 *
 * @param weight     1 to 100
 * @param preference the term a node should match
 */
public record PreferredSchedulingTerm(Integer weight, NodeSelectorTerm preference) {
}
