package io.flotilla.api.networking;

/**
 * A Service an Ingress routes to. Immutable.
 *
 * @param name the Service's name, in the Ingress's namespace; required
 * @param port the Service's port; required
 */
public record IngressServiceBackend(String name, ServiceBackendPort port) {
}
