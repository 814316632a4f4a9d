package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeLabels;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    static Event event(String id, String action, long timeNano, Map<String, String> attributes) {
        return new Event().withAction(action).withTimenano(timeNano)
                .withEventActor(new EventActor().withId(id).withAttributes(attributes));
    }

    @Test
    void mapsContainerDeathsWithExitCodeSandboxAndLabels() {
        RuntimeEvent died = EventMapper.map(event("c1", "die", 1_500_000_000_123L, Map.of(
                RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER, RuntimeLabels.SANDBOX_ID, "s1",
                RuntimeLabels.POD_UID, "u1", "exitCode", "3", "name", "flotilla_x", "image", "busybox",
                Labels.ATTEMPT, "0"))).orElseThrow();
        assertThat(died.type()).isEqualTo(RuntimeEvent.Type.CONTAINER_EXITED);
        assertThat(died.exitCode()).isEqualTo(3);
        assertThat(died.podSandboxId()).isEqualTo("s1");
        assertThat(died.containerId()).isEqualTo("c1");
        assertThat(died.time()).isEqualTo(Instant.ofEpochSecond(1500, 123));
        assertThat(died.labels()).containsOnlyKeys(RuntimeLabels.KIND, RuntimeLabels.SANDBOX_ID,
                RuntimeLabels.POD_UID);
    }

    @Test
    void mapsSandboxLifecycleAndIgnoresTheRest() {
        Map<String, String> sandbox = Map.of(RuntimeLabels.KIND, RuntimeLabels.KIND_SANDBOX);
        assertThat(EventMapper.map(event("s1", "start", 1, sandbox))).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo(RuntimeEvent.Type.SANDBOX_READY);
            assertThat(e.podSandboxId()).isEqualTo("s1");
            assertThat(e.containerId()).isNull();
        });
        assertThat(EventMapper.map(event("s1", "die", 1, sandbox))).hasValueSatisfying(
                e -> assertThat(e.type()).isEqualTo(RuntimeEvent.Type.SANDBOX_STOPPED));
        assertThat(EventMapper.map(event("s1", "create", 1, sandbox))).isEmpty();
        assertThat(EventMapper.map(event("h1", "start", 1, Map.of(RuntimeLabels.KIND, Labels.KIND_HELPER))))
                .isEmpty();
        assertThat(EventMapper.map(event("x", "start", 1, Map.of()))).isEmpty();
        assertThat(EventMapper.map(event("c1", "oom", 1, Map.of(RuntimeLabels.KIND, RuntimeLabels.KIND_CONTAINER))))
                .hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(RuntimeEvent.Type.CONTAINER_OOM));
    }
}
