package io.flotilla.api.autoscaling;

/**
 * How an autoscaler scales up and down. Immutable; an unset direction takes Kubernetes' defaults.
 *
 * @param scaleUp   the rules for scaling up
 * @param scaleDown the rules for scaling down
 */
public record HorizontalPodAutoscalerBehavior(ScalingRules scaleUp, ScalingRules scaleDown) {
}
