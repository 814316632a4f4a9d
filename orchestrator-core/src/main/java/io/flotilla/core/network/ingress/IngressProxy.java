package io.flotilla.core.network.ingress;

import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServicePort;
import io.flotilla.api.networking.Ingress;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.network.proxy.Backend;
import io.flotilla.core.network.proxy.HostProxy;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * Design notes: every request is routed afresh from the Ingress cache and sent to the next ready endpoint of the
 * Service (round robin); bodies are streamed both ways. Hop-by-hop headers are dropped, the Host header is kept
 * (as ingress-nginx does) and X-Forwarded-For/-Host/-Proto are added.
 */
/**
 * An HTTP reverse proxy serving every Ingress of the cluster on one host address and port. Thread-safe; answers
 * 404 when no rule matches and 502/503 when the Service has no endpoint that answers.
 */
public final class IngressProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final Lister<Ingress> ingresses;
    private final Lister<Service> services;
    private final HostProxy proxy;
    private final HttpClient client;
    private final HttpServer server;
    private final AtomicInteger next = new AtomicInteger();

    private IngressProxy(Vertx vertx, Lister<Ingress> ingresses, Lister<Service> services, HostProxy proxy) {
        this.ingresses = ingresses;
        this.services = services;
        this.proxy = proxy;
        this.client = vertx.createHttpClient();
        this.server = vertx.createHttpServer().requestHandler(this::handle);
    }

    /**
     * Starts serving on {@code host}:{@code port} (0: a free port), routing with the Ingress cache and reaching
     * endpoints through {@code proxy}'s view of the Service and Endpoints caches.
     *
     * @throws IllegalStateException if the address cannot be bound, naming it
     */
    public static IngressProxy start(Vertx vertx, String host, int port, Lister<Ingress> ingresses,
                                     Lister<Service> services, HostProxy proxy) {
        IngressProxy p = new IngressProxy(Objects.requireNonNull(vertx, "vertx"),
                Objects.requireNonNull(ingresses, "ingresses"), Objects.requireNonNull(services, "services"),
                Objects.requireNonNull(proxy, "proxy"));
        try {
            p.server.listen(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.client.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot serve ingress on " + host + ":" + port + ": "
                    + cause.getMessage(), cause);
        }
        return p;
    }

    /** The port served. */
    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String authority = request.authority() == null ? null : request.authority().host();
        Optional<IngressRoutes.Route> route = IngressRoutes.match(ingresses.list(), authority, request.path());
        if (route.isEmpty()) {
            request.response().setStatusCode(404).end("no ingress rule matches " + request.path() + "\n");
            return;
        }
        List<Backend> backends = backends(route.get());
        if (backends.isEmpty()) {
            request.response().setStatusCode(503).end("service " + route.get().service() + " has no ready "
                    + "endpoints\n");
            return;
        }
        Backend b = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
        request.pause();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(b.host())
                .setPort(b.port()).setURI(request.uri());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(request.headers(), headers);
        headers.set("Host", request.headers().get("Host") == null ? b.toString() : request.headers().get("Host"));
        headers.add("X-Forwarded-For", request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority);
        }
        headers.set("X-Forwarded-Proto", "http");
        options.setHeaders(headers);
        client.request(options)
                .compose(out -> out.send(request))
                .onSuccess(response -> relay(response, request))
                .onFailure(e -> {
                    if (!request.response().ended()) {
                        request.response().setStatusCode(502).end("bad gateway: " + e.getMessage() + "\n");
                    }
                });
    }

    private static void relay(HttpClientResponse response, HttpServerRequest request) {
        var out = request.response().setStatusCode(response.statusCode());
        copy(response.headers(), out.headers());
        String length = response.getHeader("Content-Length");
        if (length != null) {
            out.putHeader("Content-Length", length);
        } else {
            out.setChunked(true);
        }
        response.pipeTo(out);
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(e -> {
            if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                to.add(e.getKey(), e.getValue());
            }
        });
    }

    private List<Backend> backends(IngressRoutes.Route route) {
        Integer number = route.port().number();
        if (number == null) {
            number = services.get(route.namespace(), route.service()).flatMap(s -> s.spec().ports().stream()
                    .filter(p -> route.port().name().equals(p.name())).map(ServicePort::port).findFirst())
                    .orElse(null);
        }
        return number == null ? List.of() : proxy.backends(route.namespace(), route.service(), number);
    }

    /** Stops serving. Idempotent. */
    @Override
    public void close() {
        server.close();
        client.close();
    }
}
