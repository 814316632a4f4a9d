package io.flotilla.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Event;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodDNSConfig;
import io.flotilla.api.core.PodDNSConfigOption;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.DnsConfig;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.events.EventSink;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PodDnsTest {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final EventRecorder recorder = EventRecorder.builder(new EventSink() {
        @Override
        public Event create(Event event) {
            events.add(event);
            return event;
        }

        @Override
        public Event update(Event event) {
            return event;
        }

        @Override
        public List<Event> list() {
            return List.copyOf(events);
        }

        @Override
        public void delete(String namespace, String name) {
        }
    }, "kubelet").build();

    /** A runtime that only answers podNetworkGateway. */
    private static ContainerRuntime runtime(String gateway) {
        return (ContainerRuntime) Proxy.newProxyInstance(PodDnsTest.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                    if (method.getName().equals("podNetworkGateway")) {
                        return Optional.ofNullable(gateway);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClusterDnsLocator servingOn(String... addresses) {
        return new ClusterDnsLocator() {
            @Override
            public String clusterDomain() {
                return "cluster.local";
            }

            @Override
            public Optional<String> nameserverOn(String gateway) {
                return List.of(addresses).contains(gateway) ? Optional.of(gateway) : Optional.empty();
            }
        };
    }

    private static Pod pod(UnaryOperator<PodSpec.Builder> spec) {
        return Pod.named("p").namespace("shop").container("c", c -> c.image("busybox")).podSpec(spec).build();
    }

    @Test
    void clusterFirstGivesTheNodesGatewayAndKubeletsSearchPath() {
        PodDns dns = new PodDns(servingOn("172.18.0.1"), runtime("172.18.0.1"), "c1", recorder);
        DnsConfig config = dns.forPod(pod(s -> s));
        assertThat(config.servers()).containsExactly("172.18.0.1");
        assertThat(config.searches())
                .containsExactly("shop.svc.cluster.local", "svc.cluster.local", "cluster.local");
        assertThat(config.options()).containsExactly("ndots:5");
    }

    @Test
    void hostNetworkDefaultAndNoneLeaveTheClusterDnsOut() {
        PodDns dns = new PodDns(servingOn("172.18.0.1"), runtime("172.18.0.1"), "c1", recorder);
        assertThat(dns.forPod(pod(s -> s.hostNetwork(true)))).isNull();
        assertThat(dns.forPod(pod(s -> s.dnsPolicy(PodSpec.DNS_DEFAULT)))).isNull();
        assertThat(dns.forPod(pod(s -> s.hostNetwork(true).dnsPolicy(PodSpec.DNS_CLUSTER_FIRST_WITH_HOST_NET)))
                .servers()).containsExactly("172.18.0.1");
        DnsConfig none = dns.forPod(pod(s -> s.dnsPolicy(PodSpec.DNS_NONE).dnsConfig(new PodDNSConfig(
                List.of("1.2.3.4"), List.of("example.com"), List.of(new PodDNSConfigOption("rotate", null))))));
        assertThat(none).isEqualTo(new DnsConfig(List.of("1.2.3.4"), List.of("example.com"), List.of("rotate")));
    }

    @Test
    void podDnsConfigIsAppendedAndItsOptionsOverrideByName() {
        PodDns dns = new PodDns(servingOn("172.18.0.1"), runtime("172.18.0.1"), "c1", recorder);
        DnsConfig config = dns.forPod(pod(s -> s.dnsConfig(new PodDNSConfig(List.of("9.9.9.9"),
                List.of("corp.example", "svc.cluster.local"),
                List.of(new PodDNSConfigOption("ndots", "2"), new PodDNSConfigOption("edns0", null))))));
        assertThat(config.servers()).containsExactly("172.18.0.1", "9.9.9.9");
        assertThat(config.searches()).containsExactly("shop.svc.cluster.local", "svc.cluster.local",
                "cluster.local", "corp.example");
        assertThat(config.options()).containsExactly("ndots:2", "edns0");
    }

    @Test
    void withoutAGatewayThePodQuietlyKeepsTheRuntimesResolver() throws Exception {
        PodDns dns = new PodDns(servingOn("172.18.0.1"), runtime(null), "c1", recorder);
        assertThat(dns.forPod(pod(s -> s))).isNull();
        recorder.flush(Duration.ofSeconds(5));
        assertThat(events).isEmpty();
    }

    @Test
    void aGatewayTheDnsCannotServeGivesMissingClusterDnsAndTheDefaultPolicy() throws Exception {
        PodDns dns = new PodDns(servingOn(), runtime("10.0.0.1"), "c1", recorder);
        assertThat(dns.forPod(pod(s -> s))).isNull();
        recorder.flush(Duration.ofSeconds(5));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("MissingClusterDNS");
            assertThat(e.eventType()).isEqualTo(Event.WARNING);
        });
    }
}
