package io.flotilla.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.apiserver.ApiException;
import io.flotilla.core.time.VirtualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class ClusterNetworkTest {
    private final VirtualClock clock = VirtualClock.create();
    private final Cluster cluster = Cluster.builder().clock(clock)
            .network(NetworkConfig.defaults().withNodePortRange(31000, 31002)).start();

    @AfterEach
    void close() {
        cluster.close();
    }

    private Service nodePortService(String name, Integer nodePort) {
        Service.Builder b = Service.named(name).selector("app", name).port(80);
        return cluster.apply((nodePort == null ? b.nodePort() : b.nodePort(nodePort)).build());
    }

    @Test
    void allocatesNodePortsInRangeAndRefusesClashesNamingTheHolder() {
        int allocated = nodePortService("web", null).spec().ports().getFirst().nodePort();
        assertThat(allocated).isBetween(31000, 31002);

        assertThatThrownBy(() -> nodePortService("api", allocated))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(String.valueOf(allocated)).hasMessageContaining("default/web");
        assertThatThrownBy(() -> nodePortService("api", 40000))
                .isInstanceOf(ApiException.class).hasMessageContaining("31000-31002");

        assertThat(cluster.apply(cluster.client().services().get("web").orElseThrow().toBuilder()
                .selector("tier", "front").build()).spec().ports().getFirst().nodePort())
                .as("an update keeps the allocated port").isEqualTo(allocated);
        cluster.client().services().delete("web");
        // The port is free once the allocator has seen the deletion (at once through admission, or through the
        // Service cache, which may lag under load): bounded wait, not a sleep.
        await().atMost(Duration.ofSeconds(10)).ignoreException(ApiException.class).untilAsserted(() ->
                assertThat(nodePortService("api", allocated).spec().ports().getFirst().nodePort())
                        .isEqualTo(allocated));
    }

    @Test
    void exhaustedRangeIsAnError() {
        nodePortService("a", null);
        nodePortService("b", null);
        nodePortService("c", null);
        assertThatThrownBy(() -> nodePortService("d", null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("31000-31002");
    }

    @Test
    void endpointsDnsAndHostUrlWorkTogether() throws Exception {
        try (ServerSocket backend = new ServerSocket()) {
            backend.bind(new InetSocketAddress("127.0.0.1", 0));
            cluster.apply(Service.named("web").selector("app", "web").port(80, backend.getLocalPort()).nodePort()
                    .build());
            cluster.client().pods().create(Pod.named("web-1").label("app", "web").container("c", c -> c.image("x"))
                    .build());
            cluster.client().pods().updateStatus("web-1", p -> p.withStatus(new PodStatus(PodStatus.RUNNING,
                    List.of(PodCondition.of(PodCondition.READY, PodCondition.TRUE, clock.now())), null, null, null,
                    "127.0.0.1", List.of(), null, List.of(), List.of(), null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.client().endpoints().get("web")
                    .map(Endpoints::readyAddresses).map(a -> a.size() == 1).orElse(false));

            URI url = cluster.services().get("web").hostUrl();
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(url.getPort()).isBetween(31000, 31002);
            Thread.ofVirtual().start(() -> {
                try (Socket s = backend.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("hello\n".getBytes(StandardCharsets.UTF_8));
                } catch (Exception ignored) {
                    // the assertion below reports it
                }
            });
            try (Socket s = new Socket(url.getHost(), url.getPort())) {
                s.setSoTimeout(5_000);
                assertThat(new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine()).isEqualTo("hello");
            }

            ClusterDns dns = cluster.dns();
            assertThat(dns.dnsConfig("default").searches())
                    .containsExactly("default.svc.cluster.local", "svc.cluster.local", "cluster.local");
            assertThat(dns.dnsConfig("default").options()).containsExactly("ndots:5");
            SimpleResolver resolver = new SimpleResolver(dns.address());
            resolver.setPort(dns.port());
            Message answer = resolver.send(Message.newQuery(Record.newRecord(
                    Name.fromString("web.default.svc.cluster.local."), Type.A, DClass.IN)));
            assertThat(answer.getSection(Section.ANSWER)).singleElement()
                    .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
        }
    }
}
