package io.flotilla.core.client.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Event;
import io.flotilla.core.store.InMemoryObjectStore;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventCleanerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InMemoryObjectStore store = InMemoryObjectStore.create();
    private final VirtualClock clock = VirtualClock.create();
    private final EventSink sink = new StoreEventSink(store);
    private final EventRecorder recorder = EventRecorder.builder(sink, "test").clock(clock).build();
    private final EventCleaner cleaner = EventCleaner.start(sink, clock, EventCleaner.DEFAULT_TTL, null);
    private final ConfigMap site = store.create(ConfigMap.named("site").namespace("shop").build());

    @AfterEach
    void tearDown() {
        cleaner.close();
        recorder.close();
        store.close();
    }

    @Test
    void deletesEventsAnHourAfterTheirLastOccurrence() throws Exception {
        recorder.normal(site, "Old", "old");
        assertThat(recorder.flush(WAIT)).isTrue();
        clock.advance(Duration.ofMinutes(30));
        recorder.normal(site, "Young", "young");
        assertThat(recorder.flush(WAIT)).isTrue();

        clock.advance(Duration.ofMinutes(29));
        assertThat(sink.list()).hasSize(2);
        clock.advance(Duration.ofMinutes(6));
        assertThat(sink.list()).extracting(Event::reason).containsExactly("Young");
        clock.advance(Duration.ofMinutes(30));
        assertThat(sink.list()).isEmpty();
    }

    @Test
    void aRepeatedEventStaysWhileItKeepsHappening() throws Exception {
        for (int i = 0; i < 4; i++) {
            recorder.warning(site, "BackOff", "back-off");
            assertThat(recorder.flush(WAIT)).isTrue();
            clock.advance(Duration.ofMinutes(9));
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(sink.list()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(4));
        assertThat(cleaner.cleanUp()).isZero();
    }
}
