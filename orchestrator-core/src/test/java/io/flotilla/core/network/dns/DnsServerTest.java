package io.flotilla.core.network.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Service;
import io.flotilla.core.controllers.harness.ControllerHarness;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DnsServerTest {
    private final ControllerHarness h = new ControllerHarness(Service.TYPE, Endpoints.TYPE);
    private final Vertx vertx = Vertx.vertx();
    private DnsServer server;
    private SimpleResolver resolver;

    @BeforeEach
    void start() throws Exception {
        DnsZone zone = new DnsZone("cluster.local", 5, h.lister(Service.TYPE), h.lister(Endpoints.TYPE));
        server = DnsServer.start(vertx, zone, "127.0.0.1", 0);
        resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(server.port());
        resolver.setTimeout(Duration.ofSeconds(5));
        h.client.services().create(Service.named("web").namespace("default").selector("app", "web")
                .port("http", 80, 8080).build());
        h.client.endpoints().create(Endpoints.named("web").namespace("default").subset(new EndpointSubset(
                List.of(EndpointAddress.of("10.0.0.1"), EndpointAddress.of("10.0.0.2"),
                        EndpointAddress.of("10.0.0.3")),
                List.of(EndpointAddress.of("10.0.0.9")), List.of(EndpointPort.named("http", 8080)))).build());
        h.client.services().create(Service.named("db").namespace("default").headless().selector("app", "db")
                .port(5432).build());
        h.client.endpoints().create(Endpoints.named("db").namespace("default").subset(EndpointSubset.of(
                List.of(EndpointAddress.of("10.0.1.1").withHostname("db-0"),
                        EndpointAddress.of("10.0.1.2").withHostname("db-1")),
                List.of(EndpointPort.of(5432)))).build());
        h.client.services().create(Service.named("payments").namespace("default")
                .externalName("payments.example.com").build());
        h.client.namespaces().create(Namespace.named("other").build());
        h.client.services().create(Service.named("cache").namespace("other").selector("app", "cache").port(6379)
                .build());
        h.client.endpoints().create(Endpoints.named("cache").namespace("other").subset(EndpointSubset.of(
                List.of(EndpointAddress.of("10.0.2.1")), List.of(EndpointPort.of(6379)))).build());
        h.settle();
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.close();
        h.close();
    }

    private Message query(String name, int type) throws Exception {
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static List<String> ips(Message m) {
        return m.getSection(Section.ANSWER).stream().filter(r -> r instanceof ARecord)
                .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
    }

    @Test
    void serviceNameGivesReadyEndpointIpsInRotatingOrder() throws Exception {
        Message first = query("web.default.svc.cluster.local.", Type.A);
        Message second = query("web.default.svc.cluster.local.", Type.A);
        assertThat(first.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(ips(first)).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(ips(second)).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(ips(second).get(0)).isNotEqualTo(ips(first).get(0));
        assertThat(first.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(5);
    }

    @Test
    void shortNamesResolveThroughTheSearchList() throws Exception {
        for (String name : List.of("web", "web.default")) {
            Lookup lookup = new Lookup(name, Type.A);
            lookup.setResolver(resolver);
            lookup.setCache(new Cache());
            lookup.setNdots(5);
            lookup.setSearchPath("default.svc.cluster.local", "svc.cluster.local", "cluster.local");
            Record[] records = lookup.run();
            assertThat(records).as(name + ": " + lookup.getErrorString()).hasSize(3);
        }
    }

    @Test
    void headlessServiceAndStatefulPodNames() throws Exception {
        assertThat(ips(query("db.default.svc.cluster.local.", Type.A)))
                .containsExactlyInAnyOrder("10.0.1.1", "10.0.1.2");
        assertThat(ips(query("db-1.db.default.svc.cluster.local.", Type.A))).containsExactly("10.0.1.2");
        assertThat(query("db-7.db.default.svc.cluster.local.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void srvRecordsForNamedPortsPointAtEachEndpoint() throws Exception {
        Message m = query("_http._tcp.web.default.svc.cluster.local.", Type.SRV);
        List<SRVRecord> srv = m.getSection(Section.ANSWER).stream().map(r -> (SRVRecord) r).toList();
        assertThat(srv).hasSize(3).allSatisfy(r -> assertThat(r.getPort()).isEqualTo(8080));
        assertThat(srv).extracting(r -> r.getTarget().toString())
                .contains("10-0-0-1.web.default.svc.cluster.local.");
        assertThat(ips(query("10-0-0-1.web.default.svc.cluster.local.", Type.A))).containsExactly("10.0.0.1");
        assertThat(query("_grpc._tcp.web.default.svc.cluster.local.", Type.SRV).getRcode())
                .isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void externalNameIsACname() throws Exception {
        Message m = query("payments.default.svc.cluster.local.", Type.A);
        assertThat(m.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(CNAMERecord.class,
                c -> assertThat(c.getTarget().toString()).isEqualTo("payments.example.com."));
    }

    @Test
    void otherNamespacesByFqdnMissingNamesAndForeignZones() throws Exception {
        assertThat(ips(query("cache.other.svc.cluster.local.", Type.A))).containsExactly("10.0.2.1");
        assertThat(query("cache.default.svc.cluster.local.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(query("nope.default.svc.cluster.local.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(query("example.com.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ips(query("10-1-2-3.default.pod.cluster.local.", Type.A))).containsExactly("10.1.2.3");
    }

    @Test
    void forwardsNamesOutsideTheZoneUpstream() throws Exception {
        DnsZone other = new DnsZone("example.test", 5, h.lister(Service.TYPE), h.lister(Endpoints.TYPE));
        try (DnsServer upstream = DnsServer.start(vertx, other, "127.0.0.1", 0)) {
            SimpleResolver toUpstream = new SimpleResolver("127.0.0.1");
            toUpstream.setPort(upstream.port());
            DnsZone zone = new DnsZone("cluster.local", 5, h.lister(Service.TYPE), h.lister(Endpoints.TYPE));
            try (DnsServer forwarding = DnsServer.start(vertx, zone, toUpstream, "127.0.0.1", 0)) {
                resolver.setPort(forwarding.port());
                assertThat(ips(query("cache.other.svc.example.test.", Type.A))).containsExactly("10.0.2.1");
                assertThat(ips(query("cache.other.svc.cluster.local.", Type.A))).containsExactly("10.0.2.1");
            }
        }
    }

    @Test
    void answersOverTcpAndFollowsEndpointChanges() throws Exception {
        resolver.setTCP(true);
        assertThat(ips(query("cache.other.svc.cluster.local.", Type.A))).containsExactly("10.0.2.1");
        h.client.endpoints().inNamespace("other").update("cache", e -> new Endpoints(e.metadata(), List.of(
                EndpointSubset.of(List.of(EndpointAddress.of("10.0.2.5")), List.of(EndpointPort.of(6379))))));
        h.settle();
        assertThat(ips(query("cache.other.svc.cluster.local.", Type.A))).containsExactly("10.0.2.5");
        assertThat(Arrays.asList(server.host(), server.port() > 0)).containsExactly("127.0.0.1", true);
    }
}
