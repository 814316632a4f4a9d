package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.time.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plugin written by a user, registered and enabled by name, changes placement without touching core code. */
class UserPluginTest {

    /** Keeps pods off nodes labelled {@code maintenance=true}. */
    static final class AvoidMaintenance implements FilterPlugin, EnqueueExtensions {
        static final String NAME = "AvoidMaintenance";
        private static final Status IN_MAINTENANCE = Status.unresolvable("node(s) were in maintenance");

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
            return "true".equals(node.node().metadata().labels().get("maintenance")) ? IN_MAINTENANCE
                    : Status.success();
        }

        @Override
        public List<ClusterEventWithHint> eventsToRegister() {
            return List.of(ClusterEventWithHint.of(ClusterEvent.of(EventResource.NODE, ActionType.ADD,
                    ActionType.UPDATE_NODE_LABEL)));
        }
    }

    @Test
    void aUserFilterKeepsPodsOffNodesInMaintenance() {
        VirtualClock clock = VirtualClock.create();
        Fixtures.FakeBinder binder = new Fixtures.FakeBinder();
        Registry registry = Registry.inTree().register(AvoidMaintenance.NAME, (args, handle) -> new AvoidMaintenance());
        Profile profile = Scheduling.spread().toBuilder().plugin(AvoidMaintenance.NAME)
                .disable(DefaultBinder.NAME).plugin(binder.name()).build();
        Scheduler s = Fixtures.detached(clock, registry, profile, binder);
        // the maintenance node is the emptiest, so without the plugin it would win every time
        s.handlers.addNode(node("big", "64", "256Gi", "maintenance", "true"));
        s.handlers.addNode(node("small-1", "4", "8Gi"));
        s.handlers.addNode(node("small-2", "4", "8Gi"));
        for (int i = 0; i < 6; i++) {
            s.handlers.addPod(pod("web-" + i, "500m", "256Mi"));
        }

        while (s.scheduleNext()) {
            // drain
        }

        assertThat(binder.binds).hasSize(6).noneMatch(b -> b.endsWith("->big"));
    }
}
