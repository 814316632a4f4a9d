package io.flotilla.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which relist differences wake a known pod: what its agent did not cause. */
class RuntimeWatcherTest {

    @Test
    void objectsAppearingStartingOrBecomingReadyAreTheAgentsOwnDoing() {
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of(), Map.of("s", "NOTREADY"))).isFalse();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "NOTREADY"), Map.of("s", "READY", "c",
                "CREATED"))).isFalse();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY", "c", "CREATED"),
                Map.of("s", "READY", "c", "RUNNING"))).isFalse();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY", "c", "RUNNING"),
                Map.of("s", "READY", "c", "RUNNING"))).isFalse();
    }

    @Test
    void anythingGoneStoppedOrNewButEndedWakesThePod() {
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY", "c", "RUNNING"), Map.of("s", "READY")))
                .as("a container removed").isTrue();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY", "c", "RUNNING"),
                Map.of("s", "READY", "c", "EXITED"))).as("a container exited").isTrue();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY"), Map.of("s", "NOTREADY")))
                .as("a sandbox stopped").isTrue();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY"), Map.of("s", "READY", "c", "EXITED")))
                .as("a container that started and ended between two relists").isTrue();
        assertThat(RuntimeWatcher.changedBehindTheAgent(Map.of("s", "READY", "c", "RUNNING"),
                Map.of("s", "READY", "c", "UNKNOWN"))).as("a container the runtime lost track of").isTrue();
    }
}
