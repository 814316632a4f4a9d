package io.flotilla.core.client.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Event;
import io.flotilla.api.core.Node;
import io.flotilla.api.core.ObjectReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecorderFixture f = new RecorderFixture("test-controller", "n1");
    private final ConfigMap site = f.configMap("site");

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void messagesAreFormattedAsStringFormatWould() throws Exception {
        List<Object[]> cases = List.of(
                new Object[] {"pulled \"%s\" in %d ms (100%%)", new Object[] {"nginx:1.27", 12L}},
                new Object[] {"%s/%s to %s", new Object[] {"shop", null, "n1"}},
                new Object[] {"padded [%5s] and hex %x", new Object[] {"a", 255}},
                new Object[] {"%s and %s", new Object[] {"only one"}},
                new Object[] {"%d items", new Object[] {"not a number"}});
        for (Object[] c : cases) {
            f.recorder.normal(site, "Formatted", (String) c[0], (Object[]) c[1]);
        }
        assertThat(f.recorder.flush(WAIT)).isTrue();
        assertThat(f.events()).extracting(Event::message).containsExactlyInAnyOrder(
                "pulled \"nginx:1.27\" in 12 ms (100%)", "shop/null to n1", "padded [    a] and hex ff",
                "%s and %s", "%d items");
    }

    @Test
    void writesAnEventAboutTheInvolvedObject() throws Exception {
        f.recorder.normal(site, "Updated", "config %s now has %d keys", "site", 3);
        assertThat(f.recorder.flush(WAIT)).isTrue();

        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.metadata().name()).startsWith("site.");
            assertThat(e.metadata().namespace()).isEqualTo("shop");
            assertThat(e.involvedObject()).isEqualTo(ObjectReference.to(site));
            assertThat(e.eventType()).isEqualTo(Event.NORMAL);
            assertThat(e.reason()).isEqualTo("Updated");
            assertThat(e.message()).isEqualTo("config site now has 3 keys");
            assertThat(e.source()).isEqualTo(new io.flotilla.api.core.EventSource("test-controller", "n1"));
            assertThat(e.firstTimestamp()).isEqualTo(f.clock.now());
            assertThat(e.lastTimestamp()).isEqualTo(f.clock.now());
            assertThat(e.count()).isEqualTo(1);
        });
        assertThat(f.counter("flotilla.events.recorded")).isEqualTo(1.0);
    }

    @Test
    void eventsAboutClusterScopedObjectsGoToTheDefaultNamespace() throws Exception {
        Node node = Node.named("n1").build();
        f.recorder.warning(node, "NodeNotReady", "node is not ready");
        assertThat(f.recorder.flush(WAIT)).isTrue();
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.metadata().namespace()).isEqualTo("default");
            assertThat(e.isWarning()).isTrue();
        });
    }

    @Test
    void anIdenticalEventWithinTheWindowBumpsCountAndLastTimestamp() throws Exception {
        var first = f.clock.now();
        f.recorder.warning(site, "BackOff", "Back-off restarting failed container %s", "web");
        f.clock.advance(Duration.ofMinutes(1));
        f.recorder.warning(site, "BackOff", "Back-off restarting failed container %s", "web");
        f.clock.advance(Duration.ofMinutes(1));
        f.recorder.warning(site.withMetadata(site.metadata().withResourceVersion("999")), "BackOff",
                "Back-off restarting failed container %s", "web");
        assertThat(f.recorder.flush(WAIT)).isTrue();

        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(3);
            assertThat(e.firstTimestamp()).isEqualTo(first);
            assertThat(e.lastTimestamp()).isEqualTo(f.clock.now());
        });
        assertThat(f.counter("flotilla.events.deduplicated")).isEqualTo(2.0);
    }

    @Test
    void differentMessagesReasonsOrTypesAreSeparateEvents() throws Exception {
        f.recorder.warning(site, "BackOff", "container %s", "a");
        f.recorder.warning(site, "BackOff", "container %s", "b");
        f.recorder.normal(site, "BackOff", "container %s", "a");
        f.recorder.warning(site, "Failed", "container %s", "a");
        assertThat(f.recorder.flush(WAIT)).isTrue();
        assertThat(f.events()).hasSize(4).allSatisfy(e -> assertThat(e.count()).isEqualTo(1));
        assertThat(f.counter("flotilla.events.deduplicated")).isZero();
    }

    @Test
    void aRepeatAfterTheWindowStartsANewEvent() throws Exception {
        f.recorder.normal(site, "Synced", "synced");
        assertThat(f.recorder.flush(WAIT)).isTrue();
        f.clock.advance(Duration.ofMinutes(11));
        f.recorder.normal(site, "Synced", "synced");
        assertThat(f.recorder.flush(WAIT)).isTrue();
        assertThat(f.events()).hasSize(2);
    }

    @Test
    void aDeletedEventIsRecreatedOnTheNextRepeat() throws Exception {
        f.recorder.normal(site, "Synced", "synced");
        assertThat(f.recorder.flush(WAIT)).isTrue();
        Event e = f.events().getFirst();
        f.sink.delete(e.metadata().namespace(), e.metadata().name());
        f.recorder.normal(site, "Synced", "synced");
        assertThat(f.recorder.flush(WAIT)).isTrue();
        assertThat(f.events()).singleElement().satisfies(again -> assertThat(again.count()).isEqualTo(1));
    }

    @Test
    void neverThrowsIntoTheCaller() throws Exception {
        EventSink broken = new EventSink() {
            @Override
            public Event create(Event event) {
                throw new IllegalStateException("api down");
            }

            @Override
            public Event update(Event event) {
                throw new IllegalStateException("api down");
            }

            @Override
            public List<Event> list() {
                throw new IllegalStateException("api down");
            }

            @Override
            public void delete(String namespace, String name) {
                throw new IllegalStateException("api down");
            }
        };
        try (EventRecorder failing = EventRecorder.builder(broken, "c").clock(f.clock).meterRegistry(f.registry)
                .build()) {
            assertThatCode(() -> {
                failing.normal(site, "Fine", "ok");
                failing.record(null, Event.NORMAL, "NoObject", "x");
                failing.record(site, "Bogus", "BadType", "x");
                failing.record(site, null, "NullType", "x");
                failing.normal(site, "BadFormat", "%d items", "not a number");
                failing.normal(site, null, null);
            }).doesNotThrowAnyException();
            assertThat(failing.flush(WAIT)).isTrue();
        }
        assertThat(f.counter("flotilla.events.failed")).isEqualTo(2.0);
        assertThat(f.counter("flotilla.events.dropped")).isEqualTo(4.0);
    }

    @Test
    void aFullQueueDropsInsteadOfBlocking() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        EventSink slow = new StoreEventSink(f.store);
        EventSink blocking = new EventSink() {
            @Override
            public Event create(Event event) {
                try {
                    stuck.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return slow.create(event);
            }

            @Override
            public Event update(Event event) {
                return slow.update(event);
            }

            @Override
            public List<Event> list() {
                return slow.list();
            }

            @Override
            public void delete(String namespace, String name) {
                slow.delete(namespace, name);
            }
        };
        try (EventRecorder small = EventRecorder.builder(blocking, "c").clock(f.clock).queueCapacity(2)
                .meterRegistry(f.registry).build()) {
            for (int i = 0; i < 10; i++) {
                small.normal(site, "Tick", "tick %d", i);
            }
            stuck.countDown();
            assertThat(small.flush(WAIT)).isTrue();
        }
        assertThat(f.counter("flotilla.events.dropped")).isGreaterThanOrEqualTo(7.0);
        assertThat(f.events().size()).isBetween(1, 3);
    }
}
