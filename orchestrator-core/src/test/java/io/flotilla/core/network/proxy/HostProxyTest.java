package io.flotilla.core.network.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Service;
import io.flotilla.core.controllers.harness.ControllerHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostProxyTest {
    private final ControllerHarness h = new ControllerHarness(Service.TYPE, Endpoints.TYPE);
    private final Vertx vertx = Vertx.vertx();
    private final HostProxy proxy = new HostProxy(vertx, "127.0.0.1", h.lister(Service.TYPE),
            h.lister(Endpoints.TYPE));
    private final List<NetServer> backends = new ArrayList<>();

    @AfterEach
    void close() {
        proxy.close();
        vertx.close();
        h.close();
    }

    /** A backend that greets with its id, then echoes lines. */
    private int backend(String id) throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(s -> {
            s.write(id + "\n");
            s.handler(data -> s.write(Buffer.buffer(id + ":").appendBuffer(data)));
        });
        backends.add(server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        return server.actualPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static EndpointSubset at(int port) {
        return EndpointSubset.of(List.of(EndpointAddress.of("127.0.0.1")), List.of(EndpointPort.of(port)));
    }

    private void endpoints(int... ports) {
        Endpoints.Builder b = Endpoints.named("web").namespace("default");
        for (int p : ports) {
            b.subset(at(p));
        }
        if (h.client.endpoints().inNamespace("default").get("web").isPresent()) {
            Endpoints e = b.build();
            h.client.endpoints().inNamespace("default").update("web", old -> new Endpoints(old.metadata(),
                    e.subsets()));
        } else {
            h.client.endpoints().create(b.build());
        }
        h.settle();
    }

    private record Conn(Socket socket, BufferedReader in, PrintWriter out) implements AutoCloseable {
        static Conn open(int port) throws IOException {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(5_000);
            return new Conn(s, new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)),
                    new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8));
        }

        String line() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void nodePortBalancesAcrossEndpointsSkippingOneThatRefuses() throws Exception {
        int nodePort = freePort();
        h.client.services().create(Service.named("web").namespace("default").port(80).nodePort(nodePort).build());
        endpoints(backend("a"), freePort(), backend("c"));
        proxy.sync("default", "web");
        assertThat(proxy.isListening(nodePort)).isTrue();

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            try (Conn c = Conn.open(nodePort)) {
                seen.add(c.line());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void endpointChangeKeepsEstablishedConnections() throws Exception {
        h.client.services().create(Service.named("web").namespace("default").port(80).build());
        endpoints(backend("a"));
        int port = proxy.forward(h.client.services().inNamespace("default").get("web").orElseThrow(), 80);
        try (Conn first = Conn.open(port)) {
            assertThat(first.line()).isEqualTo("a");
            endpoints(backend("b"));
            try (Conn second = Conn.open(port)) {
                assertThat(second.line()).isEqualTo("b");
            }
            first.out().println("ping");
            assertThat(first.line()).isEqualTo("a:ping");
        }
        assertThat(proxy.forward(h.client.services().inNamespace("default").get("web").orElseThrow(), 80))
                .as("the listener is reused").isEqualTo(port);
    }

    @Test
    void followsServicesOpeningAndClosingNodePorts() throws Exception {
        proxy.follow(h.informers);
        int nodePort = freePort();
        h.client.services().create(Service.named("web").namespace("default").port(80).nodePort(nodePort).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.isListening(nodePort));
        h.client.services().inNamespace("default").delete("web");
        await().atMost(Duration.ofSeconds(10)).until(() -> !proxy.isListening(nodePort));
    }
}
