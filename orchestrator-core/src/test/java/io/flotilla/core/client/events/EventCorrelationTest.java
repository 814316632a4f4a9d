package io.flotilla.core.client.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Event;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.time.VirtualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorder's client-go correlation: similar events combined, a spam budget per object, type and reason. */
class EventCorrelationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InMemoryObjectStore store = InMemoryObjectStore.create();
    private final VirtualClock clock = VirtualClock.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventSink sink = new StoreEventSink(store);
    private final EventRecorder recorder = EventRecorder.builder(sink, "replicaset-controller").clock(clock)
            .meterRegistry(registry).build();
    private final ConfigMap owner = store.create(ConfigMap.named("web").namespace("shop")
            .metadata(m -> m.uid("uid-web")).build());
    private final ConfigMap other = store.create(ConfigMap.named("db").namespace("shop")
            .metadata(m -> m.uid("uid-db")).build());

    @AfterEach
    void tearDown() {
        recorder.close();
        store.close();
    }

    private List<Event> events() {
        return sink.list();
    }

    private double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void fromTheTenthDistinctMessageSimilarEventsAreCombinedIntoOne() throws Exception {
        for (int i = 0; i < 15; i++) {
            recorder.normal(owner, "SuccessfulCreate", "Created pod: web-%d", i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(recorder.flush(WAIT)).isTrue();

        List<Event> combined = events().stream().filter(e -> e.message().startsWith("(combined")).toList();
        assertThat(events()).hasSize(10);
        assertThat(combined).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("(combined from similar events): Created pod: web-14");
            assertThat(e.count()).isEqualTo(6);
        });
        assertThat(events()).filteredOn(e -> !e.message().startsWith("(combined"))
                .extracting(Event::message).contains("Created pod: web-0", "Created pod: web-8")
                .doesNotContain("Created pod: web-9");
    }

    @Test
    void similarEventsAfterTheWindowStartAfresh() throws Exception {
        for (int i = 0; i < 12; i++) {
            recorder.normal(owner, "SuccessfulCreate", "Created pod: web-%d", i);
        }
        clock.advance(Duration.ofMinutes(11));
        recorder.normal(owner, "SuccessfulCreate", "Created pod: web-late");
        assertThat(recorder.flush(WAIT)).isTrue();

        assertThat(events()).extracting(Event::message).contains("Created pod: web-late");
    }

    @Test
    void anObjectMayBurst25EventsOfOneReasonThenOneEveryFiveMinutes() throws Exception {
        for (int i = 0; i < 30; i++) {
            recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        }
        assertThat(recorder.flush(WAIT)).isTrue();
        assertThat(events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(25));
        assertThat(counter("flotilla.events.filtered")).isEqualTo(5.0);

        clock.advance(Duration.ofMinutes(4));
        recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        clock.advance(Duration.ofMinutes(1));
        recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        assertThat(recorder.flush(WAIT)).isTrue();

        assertThat(events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(26));
        assertThat(counter("flotilla.events.filtered")).isEqualTo(7.0);
    }

    @Test
    void theBudgetIsPerObjectAndReason() throws Exception {
        for (int i = 0; i < 30; i++) {
            recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        }
        recorder.warning(owner, "Failed", "Error: boom");
        recorder.warning(other, "BackOff", "Back-off restarting failed container");
        assertThat(recorder.flush(WAIT)).isTrue();

        assertThat(events()).hasSize(3);
        assertThat(counter("flotilla.events.filtered")).isEqualTo(5.0);
    }

    @Test
    void aSmallerBudgetCanBeConfigured() throws Exception {
        try (EventRecorder strict = EventRecorder.builder(sink, "strict").clock(clock)
                .spamFilter(2, Duration.ofMinutes(1)).build()) {
            for (int i = 0; i < 5; i++) {
                strict.normal(owner, "Synced", "synced %d", i);
            }
            assertThat(strict.flush(WAIT)).isTrue();
        }
        assertThat(events()).hasSize(2);
    }
}
