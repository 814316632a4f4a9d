package io.flotilla.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.admission.AdmissionRequest;
import io.flotilla.api.core.Service;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
