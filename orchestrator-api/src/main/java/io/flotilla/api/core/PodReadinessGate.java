package io.flotilla.api.core;

/**
 * An extra pod condition that must be {@code True} for the pod to be ready. Immutable.
 *
 * @param conditionType the condition's type
 */
public record PodReadinessGate(String conditionType) {
}
