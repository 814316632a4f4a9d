package io.flotilla.core.network.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Service;
import io.flotilla.api.networking.HttpIngressPath;
import io.flotilla.api.networking.Ingress;
import io.flotilla.api.networking.IngressBackend;
import io.flotilla.api.networking.IngressRule;
import io.flotilla.core.controllers.harness.ControllerHarness;
import io.flotilla.core.network.proxy.HostProxy;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngressProxyTest {
    private final ControllerHarness h = new ControllerHarness(Service.TYPE, Endpoints.TYPE, Ingress.TYPE);
    private final Vertx vertx = Vertx.vertx();
    private final HostProxy proxy = new HostProxy(vertx, "127.0.0.1", h.lister(Service.TYPE),
            h.lister(Endpoints.TYPE));
    private IngressProxy ingress;

    @BeforeEach
    void start() throws Exception {
        service("api", server("api"));
        service("web", server("web"));
        h.client.resources(Ingress.TYPE).create(Ingress.named("site").namespace("default")
                .rule(IngressRule.of("shop.example.com",
                        HttpIngressPath.prefix("/", IngressBackend.service("web", 80)),
                        HttpIngressPath.prefix("/api", IngressBackend.service("api", "http")),
                        HttpIngressPath.exact("/health", IngressBackend.service("api", 80))))
                .build());
        h.settle();
        ingress = IngressProxy.start(vertx, "127.0.0.1", 0, h.lister(Ingress.TYPE), h.lister(Service.TYPE), proxy);
    }

    @AfterEach
    void stop() {
        ingress.close();
        proxy.close();
        vertx.close();
        h.close();
    }

    private int server(String id) throws Exception {
        HttpServer s = vertx.createHttpServer().requestHandler(r -> r.body().onSuccess(body ->
                r.response().putHeader("X-Backend", id).end(id + " " + r.method() + " " + r.path() + " "
                        + r.getHeader("Host") + " " + body)));
        return s.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
                .actualPort();
    }

    private void service(String name, int backendPort) {
        h.client.services().create(Service.named(name).namespace("default").selector("app", name)
                .port("http", 80, backendPort).build());
        h.client.endpoints().create(Endpoints.named(name).namespace("default").subset(EndpointSubset.of(
                List.of(EndpointAddress.of("127.0.0.1")), List.of(EndpointPort.named("http", backendPort)))).build());
    }

    /** A raw HTTP/1.1 exchange (java.net.http refuses to set Host): the status code and the body. */
    private record Reply(int status, String headers, String body) {
    }

    private Reply send(String method, String host, String path, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", ingress.port())) {
            s.setSoTimeout(5_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(content);
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String headers = all.substring(0, split);
            return new Reply(Integer.parseInt(headers.split(" ")[1]), headers, all.substring(split + 4));
        }
    }

    private Reply get(String host, String path) throws Exception {
        return send("GET", host, path, "");
    }

    @Test
    void routesByLongestPrefixThenRoot() throws Exception {
        assertThat(get("shop.example.com", "/api/orders").body()).isEqualTo("api GET /api/orders shop.example.com ");
        assertThat(get("shop.example.com", "/api").body()).startsWith("api ");
        assertThat(get("shop.example.com", "/apiary").body()).startsWith("web ");
        assertThat(get("shop.example.com", "/").body()).startsWith("web ");
        assertThat(get("shop.example.com", "/health").body()).startsWith("api ");
        assertThat(get("shop.example.com", "/health/deep").body()).startsWith("web ");
    }

    @Test
    void forwardsBodiesAndAnswers404ForUnknownHosts() throws Exception {
        Reply response = send("POST", "shop.example.com", "/api/x", "hello");
        assertThat(response.body()).isEqualTo("api POST /api/x shop.example.com hello");
        assertThat(response.headers()).containsIgnoringCase("X-Backend: api");
        assertThat(get("other.example.com", "/").status()).isEqualTo(404);
    }

    @Test
    void prefixMatchingIsElementWise() {
        assertThat(IngressRoutes.prefixMatches("/foo", "/foo/bar")).isTrue();
        assertThat(IngressRoutes.prefixMatches("/foo/", "/foo")).isTrue();
        assertThat(IngressRoutes.prefixMatches("/foo", "/foobar")).isFalse();
        assertThat(IngressRoutes.prefixMatches("/", "/anything")).isTrue();
    }
}
