package io.flotilla.core.client.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorder's client-go correlation: similar events combined, a spam budget per object, type and reason. */
class EventCorrelationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecorderFixture f = new RecorderFixture("replicaset-controller", null);
    private final ConfigMap owner = f.configMap("web");
    private final ConfigMap other = f.configMap("db");

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void fromTheTenthDistinctMessageSimilarEventsAreCombinedIntoOne() throws Exception {
        for (int i = 0; i < 15; i++) {
            f.recorder.normal(owner, "SuccessfulCreate", "Created pod: web-%d", i);
            f.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(f.recorder.flush(WAIT)).isTrue();

        List<Event> combined = f.events().stream().filter(e -> e.message().startsWith("(combined")).toList();
        assertThat(f.events()).hasSize(10);
        assertThat(combined).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("(combined from similar events): Created pod: web-14");
            assertThat(e.count()).isEqualTo(6);
        });
        assertThat(f.events()).filteredOn(e -> !e.message().startsWith("(combined"))
                .extracting(Event::message).contains("Created pod: web-0", "Created pod: web-8")
                .doesNotContain("Created pod: web-9");
    }

    @Test
    void similarEventsAfterTheWindowStartAfresh() throws Exception {
        for (int i = 0; i < 12; i++) {
            f.recorder.normal(owner, "SuccessfulCreate", "Created pod: web-%d", i);
        }
        f.clock.advance(Duration.ofMinutes(11));
        f.recorder.normal(owner, "SuccessfulCreate", "Created pod: web-late");
        assertThat(f.recorder.flush(WAIT)).isTrue();

        assertThat(f.events()).extracting(Event::message).contains("Created pod: web-late");
    }

    @Test
    void anObjectMayBurst25EventsOfOneReasonThenOneEveryFiveMinutes() throws Exception {
        for (int i = 0; i < 30; i++) {
            f.recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        }
        assertThat(f.recorder.flush(WAIT)).isTrue();
        assertThat(f.events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(25));
        assertThat(f.counter("flotilla.events.filtered")).isEqualTo(5.0);

        f.clock.advance(Duration.ofMinutes(4));
        f.recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        f.clock.advance(Duration.ofMinutes(1));
        f.recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        f.recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        assertThat(f.recorder.flush(WAIT)).isTrue();

        assertThat(f.events()).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(26));
        assertThat(f.counter("flotilla.events.filtered")).isEqualTo(7.0);
    }

    @Test
    void theBudgetIsPerObjectAndReason() throws Exception {
        for (int i = 0; i < 30; i++) {
            f.recorder.warning(owner, "BackOff", "Back-off restarting failed container");
        }
        f.recorder.warning(owner, "Failed", "Error: boom");
        f.recorder.warning(other, "BackOff", "Back-off restarting failed container");
        assertThat(f.recorder.flush(WAIT)).isTrue();

        assertThat(f.events()).hasSize(3);
        assertThat(f.counter("flotilla.events.filtered")).isEqualTo(5.0);
    }

    @Test
    void aSmallerBudgetCanBeConfigured() throws Exception {
        try (EventRecorder strict = EventRecorder.builder(f.sink, "strict").clock(f.clock)
                .spamFilter(2, Duration.ofMinutes(1)).build()) {
            for (int i = 0; i < 5; i++) {
                strict.normal(owner, "Synced", "synced %d", i);
            }
            assertThat(strict.flush(WAIT)).isTrue();
        }
        assertThat(f.events()).hasSize(2);
    }
}
