package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.runtime.containerd.cri.Cri;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventHubTest {
    private static final long SECOND = 1_000_000_000L;

    /** A runtime whose lists the test sets; the hub's own loop waits an hour, so only relistNow() relists. */
    private static final class FakeSource implements EventHub.Source {
        final Map<String, Cri.Container> containers = new LinkedHashMap<>();
        final Map<String, Cri.PodSandbox> sandboxes = new LinkedHashMap<>();
        final Map<String, Cri.ContainerStatus> statuses = new HashMap<>();
        boolean failing;

        @Override
        public List<Cri.Container> containers() {
            fail();
            return List.copyOf(containers.values());
        }

        @Override
        public List<Cri.PodSandbox> sandboxes() {
            fail();
            return List.copyOf(sandboxes.values());
        }

        @Override
        public Optional<Cri.ContainerStatus> status(String containerId) {
            return Optional.ofNullable(statuses.get(containerId));
        }

        @Override
        public Optional<AutoCloseable> stream(Runnable onEvent) {
            return Optional.empty();
        }

        private void fail() {
            if (failing) {
                throw new ContainerRuntimeException.Unavailable("unix:///test.sock", "down", null);
            }
        }

        void container(String id, Cri.ContainerState state) {
            containers.put(id, Cri.Container.newBuilder().setId(id).setPodSandboxId("sb").setState(state)
                    .setCreatedAt(SECOND).putLabels("io.flotilla.pod.uid", "u1").build());
        }
    }

    private final FakeSource source = new FakeSource();
    private final EventHub hub = new EventHub(source, Duration.ofHours(1),
            Clock.fixed(Instant.parse("2026-11-22T13:00:00Z"), ZoneOffset.UTC));
    private final List<RuntimeEvent> events = new ArrayList<>();
    private final List<String> gaps = new ArrayList<>();
    private final RuntimeEventListener listener = new RuntimeEventListener() {
        @Override
        public void onEvent(RuntimeEvent event) {
            events.add(event);
        }

        @Override
        public void onGap(String reason) {
            gaps.add(reason);
        }
    };

    private void whileSubscribed(Runnable body) {
        Subscription subscription = hub.subscribe(listener);
        try {
            body.run();
        } finally {
            subscription.close();
        }
    }

    private List<RuntimeEvent.Type> types() {
        return events.stream().map(RuntimeEvent::type).toList();
    }

    @Test
    void aContainerFirstSeenExitedYieldsEveryStepInOrder() {
        whileSubscribed(() -> {
            source.container("c1", Cri.ContainerState.CONTAINER_EXITED);
            source.statuses.put("c1", Cri.ContainerStatus.newBuilder().setId("c1").setStartedAt(2 * SECOND)
                    .setFinishedAt(3 * SECOND).setExitCode(3).setReason("Error").build());
            hub.relistNow();
            source.containers.remove("c1");
            hub.relistNow();
        });

        assertThat(types()).containsExactly(RuntimeEvent.Type.CONTAINER_CREATED, RuntimeEvent.Type.CONTAINER_STARTED,
                RuntimeEvent.Type.CONTAINER_EXITED, RuntimeEvent.Type.CONTAINER_DELETED);
        RuntimeEvent exited = events.get(2);
        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(exited.podSandboxId()).isEqualTo("sb");
        assertThat(exited.time()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(exited.labels()).containsEntry("io.flotilla.pod.uid", "u1");
    }

    @Test
    void stepsAreReportedOnceAsTheyHappen() {
        whileSubscribed(() -> {
            source.container("c1", Cri.ContainerState.CONTAINER_CREATED);
            hub.relistNow();
            hub.relistNow();
            source.container("c1", Cri.ContainerState.CONTAINER_RUNNING);
            hub.relistNow();
            source.container("c1", Cri.ContainerState.CONTAINER_EXITED);
            source.statuses.put("c1", Cri.ContainerStatus.newBuilder().setId("c1").setStartedAt(2 * SECOND)
                    .setFinishedAt(3 * SECOND).setExitCode(137).setReason("OOMKilled").build());
            hub.relistNow();
        });

        assertThat(types()).containsExactly(RuntimeEvent.Type.CONTAINER_CREATED, RuntimeEvent.Type.CONTAINER_STARTED,
                RuntimeEvent.Type.CONTAINER_OOM, RuntimeEvent.Type.CONTAINER_EXITED);
    }

    @Test
    void whatExistedBeforeSubscribingIsNotReported() {
        source.container("old", Cri.ContainerState.CONTAINER_RUNNING);
        whileSubscribed(() -> {
            hub.relistNow();
        });

        assertThat(events).isEmpty();
    }

    @Test
    void sandboxesAreReadyStoppedAndDeleted() {
        whileSubscribed(() -> {
            source.sandboxes.put("sb", Cri.PodSandbox.newBuilder().setId("sb")
                    .setState(Cri.PodSandboxState.SANDBOX_READY).build());
            hub.relistNow();
            source.sandboxes.put("sb", Cri.PodSandbox.newBuilder().setId("sb")
                    .setState(Cri.PodSandboxState.SANDBOX_NOTREADY).build());
            hub.relistNow();
            source.sandboxes.clear();
            hub.relistNow();
        });

        assertThat(types()).containsExactly(RuntimeEvent.Type.SANDBOX_READY, RuntimeEvent.Type.SANDBOX_STOPPED,
                RuntimeEvent.Type.SANDBOX_DELETED);
        assertThat(events).extracting(RuntimeEvent::podSandboxId).containsOnly("sb");
    }

    @Test
    void aFailedRelistIsFollowedByAGap() {
        whileSubscribed(() -> {
            source.failing = true;
            hub.relistNow();
            assertThat(gaps).isEmpty();
            source.failing = false;
            hub.relistNow();
        });

        assertThat(gaps).hasSize(1);
        assertThat(gaps.getFirst()).contains("down");
    }

    @Test
    void nothingIsReportedAfterTheSubscriptionEnds() {
        Subscription subscription = hub.subscribe(listener);
        subscription.close();
        source.container("c1", Cri.ContainerState.CONTAINER_RUNNING);
        hub.relistNow();

        assertThat(events).isEmpty();
        assertThat(hub.active()).isFalse();
    }
}
