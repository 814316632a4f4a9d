package io.flotilla.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.admission.AdmissionRequest;
import io.flotilla.api.core.Service;
import io.flotilla.core.time.VirtualClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class NodePortAllocatorTest {
    private final VirtualClock clock = VirtualClock.create();
    private final NodePortAllocator allocator = new NodePortAllocator(31000, 31001, clock);
    private final List<Service> cache = new ArrayList<>();

    NodePortAllocatorTest() {
        allocator.services(() -> List.copyOf(cache));
    }

    private static Service service(String name, String uid, Integer nodePort) {
        Service.Builder b = Service.named(name).namespace("default").port(80);
        Service s = (nodePort == null ? b.nodePort() : b.nodePort(nodePort)).build();
        return s.withMetadata(s.metadata().toBuilder().uid(uid).build());
    }

    private AdmissionDecision create(Service s) {
        return allocator.admission().admit(new AdmissionRequest(AdmissionOperation.CREATE, Service.TYPE, null,
                "default", s.metadata().name(), s, null, "test"));
    }

    private static int nodePort(AdmissionDecision d) {
        return ((Service) d.object()).spec().ports().getFirst().nodePort();
    }

    @Test
    void aDeletedServicesPortIsFreeAtOnceEvenWhileTheCacheStillShowsIt() {
        AdmissionDecision created = create(service("web", "u1", null));
        int port = nodePort(created);
        cache.add((Service) created.object());
        assertThat(create(service("api", "u2", port)).allowed()).isFalse();

        allocator.release().validate(new AdmissionRequest(AdmissionOperation.DELETE, Service.TYPE, null, "default",
                "web", null, cache.getFirst(), "test"));
        assertThat(create(service("api", "u2", port)).allowed()).as("the cache still lists web").isTrue();
    }

    @Test
    void aReservationWhoseWriteNeverLandedExpires() {
        int port = nodePort(create(service("web", "u1", null)));
        AdmissionDecision clash = create(service("api", "u2", port));
        assertThat(clash.allowed()).isFalse();
        assertThat(clash.errors().getFirst().toString()).contains(String.valueOf(port), "default/web");

        clock.advance(Duration.ofSeconds(31));
        assertThat(create(service("api", "u2", port)).allowed()).isTrue();
    }

    @Test
    void fullRangeAndOutOfRangeAreRefused() {
        assertThat(create(service("a", "u1", null)).allowed()).isTrue();
        assertThat(create(service("b", "u2", null)).allowed()).isTrue();
        assertThat(create(service("c", "u3", null)).message()).contains("31000-31001");
        assertThat(create(service("d", "u4", 8080)).errors().getFirst().toString()).contains("31000-31001");
    }

    @Test
    void aChosenPortSkipsPortsTheHostCannotBind() {
        NodePortAllocator busyFirst = new NodePortAllocator(31000, 31002, clock, port -> port != 31000, 31000);
        AdmissionDecision decision = busyFirst.admission().admit(new AdmissionRequest(AdmissionOperation.CREATE,
                Service.TYPE, null, "default", "web", service("web", "u1", null), null, "test"));

        assertThat(nodePort(decision)).as("31000 is held by another program or cluster").isEqualTo(31001);
    }

    @Test
    void aRangeTheHostCannotBindAtAllIsReportedFull() {
        NodePortAllocator allBusy = new NodePortAllocator(31000, 31001, clock, port -> false, 31000);
        AdmissionDecision decision = allBusy.admission().admit(new AdmissionRequest(AdmissionOperation.CREATE,
                Service.TYPE, null, "default", "web", service("web", "u1", null), null, "test"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.errors().getFirst().toString()).contains("31000-31001");
    }

    @Test
    void bindableOnSeesAListenerOnTheAddress() throws Exception {
        IntPredicate bindable = NodePortAllocator.bindableOn("127.0.0.1");
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = held.getLocalPort();
            assertThat(bindable.test(port)).isFalse();
        }
        assertThat(bindable.test(port)).isTrue();
    }

    @Test
    void twoHostAllocatorsOnOneHostDoNotHandOutAPortTheOtherListensOn() throws Exception {
        List<ServerSocket> listeners = new ArrayList<>();
        try {
            NodePortAllocator first = NodePortAllocator.forHost(31500, 31504, clock, "127.0.0.1");
            NodePortAllocator second = NodePortAllocator.forHost(31500, 31504, clock, "127.0.0.1");
            for (int i = 0; i < 3; i++) {
                AdmissionDecision d = first.admission().admit(new AdmissionRequest(AdmissionOperation.CREATE,
                        Service.TYPE, null, "default", "web" + i, service("web" + i, "u" + i, null), null, "t"));
                listeners.add(new ServerSocket(nodePort(d), 1, InetAddress.getByName("127.0.0.1")));
            }
            for (int i = 0; i < 2; i++) {
                AdmissionDecision d = second.admission().admit(new AdmissionRequest(AdmissionOperation.CREATE,
                        Service.TYPE, null, "default", "api" + i, service("api" + i, "v" + i, null), null, "t"));
                assertThat(nodePort(d)).isBetween(31500, 31504);
                listeners.add(new ServerSocket(nodePort(d), 1, InetAddress.getByName("127.0.0.1")));
            }
        } finally {
            for (ServerSocket s : listeners) {
                s.close();
            }
        }
    }
}
