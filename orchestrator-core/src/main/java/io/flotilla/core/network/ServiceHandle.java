package io.flotilla.core.network;

import java.net.URI;

/**
 * One Service as seen from the host, by namespace and name: {@code cluster.services().get("web").hostUrl()}. The
 * Service is looked up on each call, so a handle may be taken before the Service exists. Immutable and thread-safe.
 */
public final class ServiceHandle {
    private final ServiceAccess access;
    private final String namespace;
    private final String name;

    ServiceHandle(ServiceAccess access, String namespace, String name) {
        this.access = access;
        this.namespace = namespace;
        this.name = name;
    }

    /** The Service's namespace. */
    public String namespace() {
        return namespace;
    }

    /** The Service's name. */
    public String name() {
        return name;
    }

    /** The host URL of the Service's first port; see {@link ServiceAccess#hostUrl(String, String, Integer)}. */
    public URI hostUrl() {
        return access.hostUrl(namespace, name, null);
    }

    /** The host URL of the Service's port {@code port}; see {@link ServiceAccess#hostUrl(String, String, Integer)}. */
    public URI hostUrl(int port) {
        return access.hostUrl(namespace, name, port);
    }

    @Override
    public String toString() {
        return "Service " + namespace + "/" + name;
    }
}
