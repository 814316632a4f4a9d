package io.flotilla.core.network;

import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServicePort;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.network.proxy.HostProxy;
import java.net.URI;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reaching Services from the host, like {@code kubectl port-forward svc/...}: a NodePort or LoadBalancer Service is
 * reached on its node port, any other Service on a host port opened on first use and kept until the cluster closes.
 * Either way connections are balanced across the Service's ready endpoints, so the endpoints must be reachable from
 * the JVM (true for pod IPs on a Docker bridge network on Linux; not for simulated pods).
 *
 * <pre>{@code
 * URI web = cluster.services().get("web").hostUrl();           // http://127.0.0.1:3xxxx
 * URI api = cluster.services().hostUrl("default", "api", 9090);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ServiceAccess {
    private final Client client;
    private final Supplier<HostProxy> proxy;

    ServiceAccess(Client client, Supplier<HostProxy> proxy) {
        this.client = client;
        this.proxy = proxy;
    }

    /** A handle on the Service {@code name} in the {@code default} namespace. */
    public ServiceHandle get(String name) {
        return get(ResourceClient.DEFAULT_NAMESPACE, name);
    }

    /** A handle on the Service {@code namespace/name} (which need not exist yet). */
    public ServiceHandle get(String namespace, String name) {
        return new ServiceHandle(this, Objects.requireNonNull(namespace, "namespace"),
                Objects.requireNonNull(name, "name"));
    }

    /** {@link #hostUrl(String, String)} in the {@code default} namespace. */
    public URI hostUrl(String name) {
        return hostUrl(ResourceClient.DEFAULT_NAMESPACE, name);
    }

    /**
     * The host URL ({@code http://<address>:<port>}) of the Service's first port.
     *
     * @throws NoSuchElementException if there is no such Service or it has no port
     * @throws IllegalStateException  if no host port can be bound
     */
    public URI hostUrl(String namespace, String name) {
        return hostUrl(namespace, name, null);
    }

    /**
     * The host URL ({@code http://<address>:<port>}) of the Service's port {@code port} (its first port when
     * {@code null}).
     *
     * @throws NoSuchElementException if there is no such Service or port
     * @throws IllegalStateException  if no host port can be bound
     */
    public URI hostUrl(String namespace, String name, Integer port) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Service service = client.services().inNamespace(namespace).get(name)
                .orElseThrow(() -> new NoSuchElementException("no Service " + namespace + "/" + name));
        ServicePort sp = service.spec().ports().stream()
                .filter(p -> p.port() != null && (port == null || p.port().equals(port))).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Service " + namespace + "/" + name + " has no port"
                        + (port == null ? "" : " " + port)));
        HostProxy p = proxy.get();
        int hostPort = p.forward(service, sp.port());
        String host = p.host().contains(":") ? "[" + p.host() + "]" : p.host();
        return URI.create("http://" + host + ":" + hostPort);
    }
}
