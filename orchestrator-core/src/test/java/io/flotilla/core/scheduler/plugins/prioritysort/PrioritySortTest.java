package io.flotilla.core.scheduler.plugins.prioritysort;

import static io.flotilla.core.scheduler.plugins.PluginFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.Pod;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.QueuedPodInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritySortTest {

    private record Queued(PodInfo podInfo, Instant timestamp) implements QueuedPodInfo {
        @Override
        public Instant initialAttemptTimestamp() {
            return timestamp;
        }

        @Override
        public int attempts() {
            return 0;
        }
    }

    private static Queued queued(String name, Integer priority, int second) {
        Pod p = pod(name);
        p = p.withSpec(p.spec().toBuilder().priority(priority).build());
        return new Queued(PodInfo.of(p), Instant.EPOCH.plusSeconds(second));
    }

    @Test
    void higherPriorityFirstThenOlderFirst() {
        List<Queued> queue = new ArrayList<>(List.of(queued("low-old", 0, 1), queued("high-new", 100, 9),
                queued("unset", null, 0), queued("high-old", 100, 2), queued("negative", -5, 0),
                queued("low-new", 0, 5)));
        queue.sort(new PrioritySort()::compare);
        assertThat(queue).extracting(q -> q.podInfo().pod().metadata().name())
                .containsExactly("high-old", "high-new", "unset", "low-old", "low-new", "negative");
    }

    @Test
    void equalPodsCompareEqual() {
        assertThat(new PrioritySort().compare(queued("a", 3, 1), queued("b", 3, 1))).isZero();
    }
}
