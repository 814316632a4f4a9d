package io.flotilla.api.core;

/**
 * The observed state of a Service. Immutable.
 *
 * @param loadBalancer where a LoadBalancer Service is reachable
 */
public record ServiceStatus(LoadBalancerStatus loadBalancer) {
}
