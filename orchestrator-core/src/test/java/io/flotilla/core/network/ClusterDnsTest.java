package io.flotilla.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.time.VirtualClock;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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

/** The pod listeners of the cluster DNS: port 53 of a node's gateway, bound once, and what happens when it cannot. */
class ClusterDnsTest {
    private final VirtualClock clock = VirtualClock.create();
    private final Cluster cluster = Cluster.builder().clock(clock).start();

    @AfterEach
    void close() {
        cluster.close();
    }

    /** Whether this process may bind port 53 (root or CAP_NET_BIND_SERVICE) on {@code address}. */
    private static boolean canBind53(String address) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address, 53))) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void servesPort53OnAGatewayOnceAndAnswersServiceNames() throws Exception {
        // a loopback address of its own (all of 127/8 is local on Linux), so no other test holds its port 53
        String gateway = "127.53." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(2, 255);
        assumeTrue(canBind53(gateway), "binding port 53 needs root or CAP_NET_BIND_SERVICE");
        cluster.apply(Service.named("web").selector("app", "web").port(80).build());
        cluster.client().pods().create(Pod.named("web-1").label("app", "web").container("c", c -> c.image("x"))
                .build());
        cluster.client().pods().updateStatus("web-1", p -> p.withStatus(new PodStatus(PodStatus.RUNNING,
                List.of(PodCondition.of(PodCondition.READY, PodCondition.TRUE, clock.now())), null, null, null,
                "10.1.2.3", List.of(), null, List.of(), List.of(), null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.client().endpoints().get("web")
                .map(Endpoints::readyAddresses).map(a -> a.size() == 1).orElse(false));

        assertThat(cluster.dns().nameserverOn(gateway)).contains(gateway);
        assertThat(cluster.dns().nameserverOn(gateway)).as("bound once, then remembered").contains(gateway);
        SimpleResolver resolver = new SimpleResolver(gateway);
        resolver.setPort(53);
        Message answer = resolver.send(Message.newQuery(Record.newRecord(
                Name.fromString("web.default.svc.cluster.local."), Type.A, DClass.IN)));
        assertThat(answer.getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("10.1.2.3"));
    }

    @Test
    void anAddressOfAnotherHostGivesNoNameserver() {
        // TEST-NET-2 (RFC 5737): not an address of this host, so it cannot be bound whoever runs the test
        assertThat(cluster.dns().nameserverOn("198.51.100.123")).isEqualTo(Optional.empty());
        assertThat(cluster.dns().nameserverOn("198.51.100.123")).as("the failure is remembered").isEmpty();
        assertThat(cluster.dns().clusterDomain()).isEqualTo("cluster.local");
    }
}
