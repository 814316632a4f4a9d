package io.flotilla.core.client.events;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Event;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.time.VirtualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/** A recorder writing to an in-memory store on a virtual clock, with its meters, for the recorder tests. */
final class RecorderFixture implements AutoCloseable {
    final InMemoryObjectStore store = InMemoryObjectStore.create();
    final VirtualClock clock = VirtualClock.create();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EventSink sink = new StoreEventSink(store);
    final EventRecorder recorder;

    /** A recorder for {@code component}, on {@code host} unless {@code null}. */
    RecorderFixture(String component, String host) {
        EventRecorder.Builder builder = EventRecorder.builder(sink, component).clock(clock).meterRegistry(registry);
        recorder = (host == null ? builder : builder.host(host)).build();
    }

    /** Stores a ConfigMap {@code shop/name} with uid {@code uid-name} to record events about. */
    ConfigMap configMap(String name) {
        return store.create(ConfigMap.named(name).namespace("shop").metadata(m -> m.uid("uid-" + name)).build());
    }

    List<Event> events() {
        return sink.list();
    }

    double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        recorder.close();
        store.close();
    }
}
