package io.flotilla.runtime.docker.internal;

import static io.flotilla.runtime.docker.internal.EventMapperTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Event;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.RuntimeLabels;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventPumpTest {
    private static final Map<String, String> CONTAINER = Map.of(RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER,
            RuntimeLabels.SANDBOX_ID, "s1");

    /** A scripted source: each open either fails or hands out a sink the test drives. */
    private static final class FakeSource implements EventSource {
        final BlockingQueue<Sink> opened = new LinkedBlockingQueue<>();
        final List<String> sinces = Collections.synchronizedList(new ArrayList<>());
        volatile int failuresToCome;

        @Override
        public Closeable open(String since, Sink sink) {
            sinces.add(String.valueOf(since));
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new IllegalStateException("connection refused");
            }
            opened.add(sink);
            return () -> { };
        }
    }

    private static final class Recorder implements RuntimeEventListener {
        final BlockingQueue<Object> calls = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(RuntimeEvent event) {
            calls.add(event.type() + "@" + event.containerId());
        }

        @Override
        public void onGap(String reason) {
            calls.add("gap");
        }

        Object next() throws InterruptedException {
            Object call = calls.poll(10, TimeUnit.SECONDS);
            assertThat(call).as("a listener call").isNotNull();
            return call;
        }
    }

    @Test
    void reconnectsWithBackoffReplaysFromTheLastEventAndReportsAGap() throws Exception {
        FakeSource source = new FakeSource();
        Recorder listener = new Recorder();
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        EventPump pump = new EventPump(source, listener, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
                sleeps::add).start();
        try {
            EventSource.Sink first = source.opened.take();
            Event started = event("c1", "start", 5_000_000_001L, CONTAINER);
            first.onEvent(started);
            assertThat(listener.next()).isEqualTo("CONTAINER_STARTED@c1");

            source.failuresToCome = 3;
            first.onEnd(new IllegalStateException("daemon restarted"));
            EventSource.Sink second = source.opened.poll(10, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(listener.next()).isEqualTo("gap");
            assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                    Duration.ofMillis(400), Duration.ofMillis(800));
            assertThat(source.sinces).containsExactly("null", "5.000000001", "5.000000001", "5.000000001",
                    "5.000000001");

            second.onEvent(started);
            second.onEvent(event("c1", "die", 6_000_000_000L, Map.of(RuntimeLabels.KIND,
                    RuntimeLabels.KIND_CONTAINER, "exitCode", "1")));
            assertThat(listener.next()).as("the replayed start is skipped").isEqualTo("CONTAINER_EXITED@c1");

            second.onEnd(null);
            assertThat(source.opened.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(listener.next()).isEqualTo("gap");
            assertThat(sleeps.getLast()).as("backoff starts over after a success").isEqualTo(Duration.ofMillis(100));
        } finally {
            pump.close();
        }
        assertThat(pump.isClosed()).isTrue();
    }

    @Test
    void aFailingListenerDoesNotEndTheSubscription() throws Exception {
        FakeSource source = new FakeSource();
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        RuntimeEventListener listener = event -> {
            seen.add(event.containerId());
            throw new IllegalStateException("listener bug");
        };
        try (EventPump pump = new EventPump(source, listener, new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                d -> { }).start()) {
            EventSource.Sink sink = source.opened.take();
            sink.onEvent(event("a", "start", 1, CONTAINER));
            sink.onEvent(event("b", "start", 2, CONTAINER));
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("b");
        }
    }

    @Test
    void theFirstConnectionFailsTheSubscribeCall() {
        FakeSource source = new FakeSource();
        source.failuresToCome = 1;
        EventPump pump = new EventPump(source, event -> { }, new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                d -> { });
        assertThatThrownBy(pump::start).hasMessageContaining("connection refused");
    }

    @Test
    void backoffDoublesUpToItsMaximumAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(300));
        assertThat(List.of(backoff.next(), backoff.next(), backoff.next())).containsExactly(Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(300));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
