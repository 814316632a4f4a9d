package io.flotilla.core.scheduler;

import static io.flotilla.core.scheduler.Fixtures.node;
import static io.flotilla.core.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.QueueingHint;
import io.flotilla.api.scheduler.QueuedPodInfo;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {

    private final VirtualClock clock = VirtualClock.create();
    private static final Comparator<QueuedPodInfo> PRIORITY_SORT = Comparator
            .comparingInt((QueuedPodInfo q) -> -q.podInfo().priority()).thenComparing(QueuedPodInfo::timestamp);

    private SchedulingQueue queue(Map<String, List<ClusterEventWithHint>> subscriptions) {
        return new SchedulingQueue(clock, PRIORITY_SORT, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMinutes(5), subscriptions);
    }

    private static String name(QueuedPod q) {
        return q.podInfo().pod().metadata().name();
    }

    @Test
    void popsByPriorityThenAge() {
        SchedulingQueue q = queue(Map.of());
        q.add(pod("old-low", "1", "1Mi", 0));
        clock.advance(Duration.ofMillis(1));
        q.add(pod("high", "1", "1Mi", 100));
        q.add(pod("new-low", "1", "1Mi", 0));

        assertThat(List.of(name(q.tryPop()), name(q.tryPop()), name(q.tryPop())))
                .containsExactly("high", "old-low", "new-low");
        assertThat(q.tryPop()).isNull();
    }

    @Test
    void backoffDoublesFromOneToTenSeconds() {
        SchedulingQueue q = queue(Map.of());
        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(q::backoffDuration).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void failedPodWaitsOutItsBackoffOnTheVirtualClock() {
        SchedulingQueue q = queue(Map.of());
        q.add(pod("p", "1", "1Mi"));
        QueuedPod p = q.tryPop();
        p = retryAfterError(q, p);
        p = retryAfterError(q, p);
        q.requeue(p, Set.of(), true);

        clock.advance(Duration.ofMillis(3999));
        q.flushBackoffCompleted();
        assertThat(q.whereIs("uid-p")).isEqualTo(QueuedPod.Where.BACKOFF);
        clock.advance(Duration.ofMillis(1));
        q.flushBackoffCompleted();
        assertThat(q.whereIs("uid-p")).isEqualTo(QueuedPod.Where.ACTIVE);
    }

    private QueuedPod retryAfterError(SchedulingQueue q, QueuedPod p) {
        q.requeue(p, Set.of(), true);
        clock.advance(Duration.ofSeconds(10));
        q.flushBackoffCompleted();
        return q.tryPop();
    }

    @Test
    void unschedulablePodsMoveOnlyOnEventsTheirRejectorsSubscribedTo() {
        ClusterEventWithHint nodeAdd = ClusterEventWithHint.of(ClusterEvent.of(EventResource.NODE, ActionType.ADD));
        ClusterEventWithHint taintChangeSkipped = new ClusterEventWithHint(
                ClusterEvent.of(EventResource.NODE, ActionType.UPDATE_NODE_TAINT), (pod, o, n) -> QueueingHint.SKIP);
        SchedulingQueue q = queue(Map.of("Fit", List.of(nodeAdd, taintChangeSkipped)));
        q.add(pod("p", "1", "1Mi"));
        q.requeue(q.tryPop(), Set.of("Fit"), false);

        q.onEvent(ClusterEvent.of(EventResource.POD, ActionType.DELETE), null, null);
        q.onEvent(ClusterEvent.of(EventResource.NODE, ActionType.UPDATE_NODE_TAINT), null, null);
        clock.advance(Duration.ofMinutes(4));
        q.flushBackoffCompleted();
        q.flushUnschedulableLeftover();
        assertThat(q.whereIs("uid-p")).isEqualTo(QueuedPod.Where.UNSCHEDULABLE);

        assertThat(q.onEvent(ClusterEvent.of(EventResource.NODE, ActionType.ADD), null, node("n", "1", "1Gi")))
                .isEqualTo(1);
        assertThat(q.whereIs("uid-p")).isEqualTo(QueuedPod.Where.ACTIVE);
    }

    @Test
    void leftoverUnschedulablePodsAreRetriedAfterFiveMinutes() {
        SchedulingQueue q = queue(Map.of("Fit", List.of()));
        q.add(pod("p", "1", "1Mi"));
        q.requeue(q.tryPop(), Set.of("Fit"), false);

        clock.advance(Duration.ofMinutes(5));
        q.flushUnschedulableLeftover();

        assertThat(q.whereIs("uid-p")).isEqualTo(QueuedPod.Where.ACTIVE);
    }

    @Test
    void anEventDuringTheAttemptSendsTheFailedPodToBackoffNotToSleep() {
        SchedulingQueue q = queue(Map.of("Fit", List.of()));
        q.add(pod("p", "1", "1Mi"));
        QueuedPod p = q.tryPop();
        q.onEvent(ClusterEvent.of(EventResource.NODE, ActionType.ADD), null, null);

        q.requeue(p, Set.of("Fit"), false);

        assertThat(q.whereIs("uid-p")).isEqualTo(QueuedPod.Where.BACKOFF);
    }

    @Test
    void anIdleQueuePopsAPodInBackoffAtOnceButNotOneThatFailedWithAnError() {
        SchedulingQueue q = queue(Map.of("Fit", List.of()));
        q.add(pod("woken", "1", "1Mi"));
        QueuedPod woken = q.tryPop();
        q.onEvent(ClusterEvent.of(EventResource.NODE, ActionType.ADD), null, null);
        q.requeue(woken, Set.of("Fit"), false);
        q.add(pod("broken", "1", "1Mi"));
        q.add(pod("next", "1", "1Mi"));
        QueuedPod broken = q.tryPop();
        q.requeue(broken, Set.of(), true);
        assertThat(q.whereIs("uid-woken")).isEqualTo(QueuedPod.Where.BACKOFF);
        assertThat(q.whereIs("uid-broken")).isEqualTo(QueuedPod.Where.BACKOFF);

        assertThat(q.tryPop().podInfo().pod().metadata().name()).as("activeQ first").isEqualTo("next");
        assertThat(q.tryPop().podInfo().pod().metadata().name()).as("then backoff, early").isEqualTo("woken");
        assertThat(q.tryPop()).as("an error waits its backoff out").isNull();
        clock.advance(Duration.ofSeconds(1));
        q.flushBackoffCompleted();
        assertThat(q.tryPop().podInfo().pod().metadata().name()).isEqualTo("broken");
    }

    @Test
    void deletedPodsLeaveTheQueue() {
        SchedulingQueue q = queue(Map.of());
        q.add(pod("p", "1", "1Mi"));
        q.delete("uid-p");
        assertThat(q.tryPop()).isNull();
        assertThat(q.whereIs("uid-p")).isNull();
    }
}
