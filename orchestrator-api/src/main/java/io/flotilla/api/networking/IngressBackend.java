package io.flotilla.api.networking;

/**
 * Where an Ingress sends matching requests: a Service port, or another resource (such as a storage bucket), exactly
 * one. Immutable.
 *
 * <pre>{@code
 * IngressBackend.service("web", 80)
 * IngressBackend.service("web", "http")
 * }</pre>
 *
 * @param service  a Service port
 * @param resource another object in the Ingress's namespace
 */
public record IngressBackend(IngressServiceBackend service, IngressBackend.TypedLocalObjectReference resource) {

    /** The Service {@code name}'s port {@code port}. */
    public static IngressBackend service(String name, int port) {
        return new IngressBackend(new IngressServiceBackend(name, ServiceBackendPort.number(port)), null);
    }

    /** The Service {@code name}'s port named {@code portName}. */
    public static IngressBackend service(String name, String portName) {
        return new IngressBackend(new IngressServiceBackend(name, ServiceBackendPort.name(portName)), null);
    }

    /**
     * An object in the same namespace, by API group, kind and name. Immutable.
     *
     * @param apiGroup the group, {@code null} for the core group
     * @param kind     the kind; required
     * @param name     the name; required
     */
    public record TypedLocalObjectReference(String apiGroup, String kind, String name) {
    }
}
