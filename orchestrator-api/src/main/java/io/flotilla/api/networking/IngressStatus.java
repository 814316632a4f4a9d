package io.flotilla.api.networking;

import io.flotilla.api.core.LoadBalancerStatus;

/**
 * The observed state of an Ingress. Immutable.
 *
 * @param loadBalancer where the Ingress is reachable (the same shape as a Service's, which Kubernetes duplicates as
 *                     {@code IngressLoadBalancerStatus})
 */
public record IngressStatus(LoadBalancerStatus loadBalancer) {
}
