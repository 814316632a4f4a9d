package io.flotilla.core.controller;

import static io.flotilla.core.controller.TestResources.ownedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.controller.TerminalReconcileException;
import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.controller.TestResources.Gadget;
import io.flotilla.core.controller.TestResources.Widget;
import io.flotilla.core.time.VirtualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControllerManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualClock clock = VirtualClock.create();
    private final FakeEventSource source = new FakeEventSource();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ControllerManager manager = ControllerManager.builder().eventSource(source).clock(clock)
            .meterRegistry(registry).shutdownTimeout(Duration.ofSeconds(5)).build();
    private final List<Request> reconciled = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        manager.close();
    }

    private static ConfigMap configMap(String namespace, String name) {
        return ConfigMap.named(name).build().withMetadata(ObjectMeta.builder().namespace(namespace).name(name).build());
    }

    /** A reconciler that records each request and then answers with {@code answer}. */
    private Reconciler recording(Reconciler answer) {
        return request -> {
            reconciled.add(request);
            return answer.reconcile(request);
        };
    }

    private Controller startConfigMapController(Reconciler answer) {
        Controller controller = manager.controller("configmaps").forType(ConfigMap.TYPE).reconciler(recording(answer));
        source.markSynced(ConfigMap.TYPE);
        manager.start();
        return controller;
    }

    private static void awaitIdle(Controller controller) throws InterruptedException {
        assertThat(controller.awaitIdle(WAIT)).as("controller became idle").isTrue();
    }

    private double reconciles(String controller, String result) {
        return registry.get("flotilla.controller.reconcile").tag("controller", controller).tag("result", result)
                .timer().count();
    }

    @Test
    void eventsOfTheForTypeReconcileTheObjectKey() throws Exception {
        Controller controller = startConfigMapController(request -> Result.done());
        controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);

        source.create(configMap("default", "site"));
        awaitIdle(controller);
        source.update(configMap("default", "site").withMetadata(configMap("default", "site").metadata()
                .withLabel("app", "web")));
        awaitIdle(controller);
        source.delete(configMap("default", "site"));
        awaitIdle(controller);

        assertThat(reconciled).containsExactly(Request.of("default", "site"), Request.of("default", "site"),
                Request.of("default", "site"));
        assertThat(reconciles("configmaps", "success")).isEqualTo(3);
    }

    @Test
    void ownsEnqueuesTheControllerOwnerOfTheForType() throws Exception {
        Widget widget = Widget.of("team", "w1");
        Controller controller = manager.controller("widgets").forType(Widget.TYPE).owns(ConfigMap.TYPE)
                .reconciler(recording(request -> Result.done()));
        source.markSynced(Widget.TYPE, ConfigMap.TYPE);
        manager.start();
        controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);

        OwnerReference notController = new OwnerReference("example.io/v1", "Widget", "w2", "uid-w2", false, null);
        OwnerReference otherKind = OwnerReference.controlledBy(Gadget.of("g1"));
        OwnerReference otherGroup = new OwnerReference("other.io/v1", "Widget", "w3", "uid-w3", true, true);
        source.create(ownedBy(configMap("team", "orphan"), notController));
        source.create(ownedBy(configMap("team", "gadgets"), otherKind));
        source.create(ownedBy(configMap("team", "foreign"), otherGroup));
        awaitIdle(controller);
        assertThat(reconciled).isEmpty();

        source.create(ownedBy(configMap("team", "child"), notController, OwnerReference.controlledBy(widget)));
        awaitIdle(controller);
        assertThat(reconciled).containsExactly(Request.of("team", "w1"));
    }

    @Test
    void ownerChangeReconcilesOldAndNewOwner() throws Exception {
        Controller controller = manager.controller("widgets").forType(Widget.TYPE).owns(ConfigMap.TYPE)
                .reconciler(recording(request -> Result.done()));
        ConfigMap child = ownedBy(configMap("team", "child"), OwnerReference.controlledBy(Widget.of("team", "old")));
        source.create(child);
        source.markSynced(Widget.TYPE, ConfigMap.TYPE);
        manager.start();
        awaitIdle(controller);
        reconciled.clear();

        source.update(ownedBy(child, OwnerReference.controlledBy(Widget.of("team", "new"))));
        awaitIdle(controller);

        assertThat(reconciled).containsExactlyInAnyOrder(Request.of("team", "old"), Request.of("team", "new"));
    }

    @Test
    void ownsWithABatchPeriodFoldsABurstOfUpdatesThatAreNotUrgentIntoOneReconcilePerPeriod() throws Exception {
        Controller controller = manager.controller("widgets").forType(Widget.TYPE)
                .owns(ConfigMap.TYPE, (ConfigMap old, ConfigMap now) -> !old.metadata().equals(now.metadata()),
                        (ConfigMap old, ConfigMap now) -> !old.data().equals(now.data()), Duration.ofSeconds(1))
                .reconciler(recording(request -> Result.done()));
        source.markSynced(Widget.TYPE, ConfigMap.TYPE);
        manager.start();
        controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ConfigMap child = ownedBy(configMap("team", "child"), OwnerReference.controlledBy(Widget.of("team", "w1")));
        source.create(child);
        awaitIdle(controller);
        assertThat(reconciled).as("an add enqueues at once").hasSize(1);

        for (String tier : List.of("a", "b", "c")) {
            child = child.withMetadata(child.metadata().withLabel("tier", tier));
            source.update(child);
        }
        awaitIdle(controller);
        assertThat(reconciled).as("the first update of a quiet owner enqueues at once, the rest of the burst "
                + "waits for the batch period").hasSize(2);
        clock.advance(Duration.ofMillis(999));
        awaitIdle(controller);
        assertThat(reconciled).hasSize(2);
        clock.advance(Duration.ofMillis(1));
        awaitIdle(controller);
        assertThat(reconciled).as("one reconcile for the rest of the burst").hasSize(3);

        source.update(ConfigMap.named("child").data("k", "v").build()
                .withMetadata(child.metadata().withLabel("tier", "d")));
        awaitIdle(controller);
        assertThat(reconciled).as("an urgent update enqueues at once").hasSize(4);
    }

    @Test
    void ownsWithAnUpdateFilterSkipsUpdatesThatDoNotMatterButNeverAddsOrDeletes() throws Exception {
        Controller controller = manager.controller("widgets").forType(Widget.TYPE)
                .owns(ConfigMap.TYPE, (ConfigMap old, ConfigMap now) -> !old.data().equals(now.data()))
                .reconciler(recording(request -> Result.done()));
        source.markSynced(Widget.TYPE, ConfigMap.TYPE);
        manager.start();
        controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ConfigMap child = ownedBy(configMap("team", "child"), OwnerReference.controlledBy(Widget.of("team", "w1")));
        source.create(child);
        awaitIdle(controller);
        assertThat(reconciled).hasSize(1);

        ConfigMap relabelled = child.withMetadata(child.metadata().withLabel("tier", "web"));
        source.update(relabelled);
        awaitIdle(controller);
        assertThat(reconciled).as("an update the filter says does not matter").hasSize(1);

        ConfigMap changed = ConfigMap.named("child").data("k", "v").build().withMetadata(relabelled.metadata());
        source.update(changed);
        awaitIdle(controller);
        source.delete(changed);
        awaitIdle(controller);
        assertThat(reconciled).containsExactly(Request.of("team", "w1"), Request.of("team", "w1"),
                Request.of("team", "w1"));
    }

    @Test
    void ownerOfAClusterScopedKindHasNoNamespace() throws Exception {
        Controller controller = manager.controller("gadgets").forType(Gadget.TYPE).owns(ConfigMap.TYPE)
                .reconciler(recording(request -> Result.done()));
        source.markSynced(Gadget.TYPE, ConfigMap.TYPE);
        manager.start();

        source.create(ownedBy(configMap("team", "child"), OwnerReference.controlledBy(Gadget.of("g1"))));
        awaitIdle(controller);

        assertThat(reconciled).containsExactly(Request.clusterScoped("g1"));
    }

    @Test
    void watchesMapsObjectsToAnyKeys() throws Exception {
        Controller controller = manager.controller("widgets").forType(Widget.TYPE)
                .watches(Gadget.TYPE, gadget -> gadget.metadata().name().equals("none") ? null
                        : List.of(Request.of("a", "w-" + gadget.metadata().name()), Request.of("b", "x")))
                .reconciler(recording(request -> Result.done()));
        source.markSynced(Widget.TYPE, Gadget.TYPE);
        manager.start();

        source.create(Gadget.of("none"));
        source.create(Gadget.of("g1"));
        awaitIdle(controller);

        assertThat(reconciled).containsExactlyInAnyOrder(Request.of("a", "w-g1"), Request.of("b", "x"));
    }

    @Test
    void failingMapperSkipsTheEventOnly() throws Exception {
        Controller controller = manager.controller("widgets")
                .watches(Gadget.TYPE, gadget -> {
                    if (gadget.metadata().name().equals("bad")) {
                        throw new IllegalStateException("mapper bug");
                    }
                    return List.of(Request.of("a", gadget.metadata().name()));
                })
                .reconciler(recording(request -> Result.done()));
        source.markSynced(Gadget.TYPE);
        manager.start();

        source.create(Gadget.of("bad"));
        source.create(Gadget.of("good"));
        awaitIdle(controller);

        assertThat(reconciled).containsExactly(Request.of("a", "good"));
    }

    @Test
    void requeueAfterIsHonouredOnVirtualTime() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Controller controller = startConfigMapController(
                request -> calls.incrementAndGet() == 1 ? Result.requeueAfter(Duration.ofSeconds(30)) : Result.done());

        controller.enqueue(Request.of("default", "site"));
        awaitIdle(controller);
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(29));
        awaitIdle(controller);
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        awaitIdle(controller);
        assertThat(calls).hasValue(2);

        clock.advance(Duration.ofHours(1));
        awaitIdle(controller);
        assertThat(calls).hasValue(2);
        assertThat(reconciles("configmaps", "requeue_after")).isEqualTo(1);
    }

    @Test
    void exceptionRetriesWithExponentialBackoffAndSuccessForgets() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Request site = Request.of("default", "site");
        Controller controller = startConfigMapController(request -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("transient failure " + calls.get());
            }
            return Result.done();
        });

        controller.enqueue(site);
        awaitIdle(controller);
        assertThat(calls).hasValue(1);
        assertThat(controller.numRequeues(site)).isEqualTo(1);

        long[] backoffMillis = {5, 10, 20};
        for (int retry = 0; retry < backoffMillis.length; retry++) {
            clock.advance(Duration.ofMillis(backoffMillis[retry] - 1));
            awaitIdle(controller);
            assertThat(calls).as("not before %d ms", backoffMillis[retry]).hasValue(retry + 1);
            clock.advance(Duration.ofMillis(1));
            awaitIdle(controller);
            assertThat(calls).as("retry after %d ms", backoffMillis[retry]).hasValue(retry + 2);
        }

        assertThat(controller.numRequeues(site)).as("forgotten after success").isZero();
        clock.runUntilIdle();
        awaitIdle(controller);
        assertThat(calls).hasValue(4);
        assertThat(reconciles("configmaps", "error")).isEqualTo(3);
        assertThat(reconciles("configmaps", "success")).isEqualTo(1);
        assertThat(registry.get("flotilla.controller.reconcile.errors").tag("terminal", "false").counter().count())
                .isEqualTo(3);
    }

    @Test
    void requeueAfterForgetsEarlierFailures() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Request site = Request.of("default", "site");
        Controller controller = startConfigMapController(request -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("conflict");
            }
            return Result.requeueAfter(Duration.ofMinutes(1));
        });

        controller.enqueue(site);
        awaitIdle(controller);
        assertThat(controller.numRequeues(site)).isEqualTo(1);
        clock.advance(Duration.ofMillis(5));
        awaitIdle(controller);

        assertThat(calls).hasValue(2);
        assertThat(controller.numRequeues(site)).isZero();
        assertThat(clock.nextDueTime()).contains(clock.now().plus(Duration.ofMinutes(1)));
    }

    @Test
    void requeueResultBacksOffWithoutAnError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Controller controller = startConfigMapController(
                request -> calls.incrementAndGet() == 1 ? Result.requeue() : Result.done());

        controller.enqueue(Request.of("default", "site"));
        awaitIdle(controller);
        clock.advance(Duration.ofMillis(5));
        awaitIdle(controller);

        assertThat(calls).hasValue(2);
        assertThat(reconciles("configmaps", "requeue")).isEqualTo(1);
    }

    @Test
    void terminalFailureIsNotRetried() throws Exception {
        Request site = Request.of("default", "site");
        Controller controller = startConfigMapController(request -> {
            throw new IllegalStateException("wrapped", new TerminalReconcileException("spec.data is unusable"));
        });

        controller.enqueue(site);
        awaitIdle(controller);
        clock.runUntilIdle();
        awaitIdle(controller);

        assertThat(reconciled).containsExactly(site);
        assertThat(clock.pendingTasks()).isZero();
        assertThat(controller.numRequeues(site)).isZero();
        assertThat(reconciles("configmaps", "terminal")).isEqualTo(1);
        assertThat(registry.get("flotilla.controller.reconcile.errors").tag("terminal", "true").counter().count())
                .isEqualTo(1);
    }

    @Test
    void nullResultCountsAsDone() throws Exception {
        Controller controller = startConfigMapController(request -> null);
        controller.enqueue(Request.of("default", "site"));
        awaitIdle(controller);
        clock.runUntilIdle();
        awaitIdle(controller);
        assertThat(reconciled).hasSize(1);
    }

    @Test
    void workersStartOnlyAfterEveryWatchedKindHasSynced() throws Exception {
        Controller controller = manager.controller("widgets").forType(Widget.TYPE).owns(ConfigMap.TYPE)
                .reconciler(recording(request -> Result.done()));
        manager.start();

        source.create(Widget.of("team", "w1"));
        source.markSynced(Widget.TYPE);
        assertThat(controller.started()).isNotDone();
        assertThat(controller.queueLength()).isEqualTo(1);
        assertThat(reconciled).isEmpty();

        source.markSynced(ConfigMap.TYPE);
        controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);
        awaitIdle(controller);
        assertThat(reconciled).containsExactly(Request.of("team", "w1"));
    }

    @Test
    void syncFailureKeepsTheControllerFromStarting() {
        Controller controller = startConfigMapControllerWithoutSync();
        source.failSync(ConfigMap.TYPE, new IllegalStateException("no such kind"));

        assertThatThrownBy(() -> controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("no such kind");
    }

    private Controller startConfigMapControllerWithoutSync() {
        Controller controller = manager.controller("configmaps").forType(ConfigMap.TYPE)
                .reconciler(recording(request -> Result.done()));
        manager.start();
        return controller;
    }

    @Test
    void handlerAddedAfterSyncSeesExistingObjects() throws Exception {
        source.create(configMap("default", "existing"));
        source.markSynced(ConfigMap.TYPE);
        manager.start();

        Controller late = manager.controller("late").forType(ConfigMap.TYPE)
                .reconciler(recording(request -> Result.done()));
        late.started().toCompletableFuture().get(10, TimeUnit.SECONDS);
        awaitIdle(late);

        assertThat(reconciled).containsExactly(Request.of("default", "existing"));
    }

    @Test
    void oneKeyIsNeverReconciledConcurrentlyAndReAddsDuringAReconcileComeBackOnce() throws Exception {
        int keys = 8;
        int reAdds = 20;
        Map<Request, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        Map<Request, AtomicInteger> calls = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicReference<Controller> self = new AtomicReference<>();
        Controller controller = manager.controller("busy").workers(4).reconciler(request -> {
            AtomicInteger counter = inFlight.computeIfAbsent(request, r -> new AtomicInteger());
            if (counter.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (calls.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet() <= reAdds) {
                self.get().enqueue(request); // an event for this key arrives while it is being reconciled
                self.get().enqueue(request);
            }
            for (int i = 0; i < 10; i++) {
                Thread.yield(); // hold the key so that an idle worker could take a wrongly queued copy
            }
            counter.decrementAndGet();
            return Result.done();
        });
        self.set(controller);
        manager.start();
        controller.started().toCompletableFuture().get(10, TimeUnit.SECONDS);

        for (int i = 0; i < keys; i++) {
            controller.enqueue(Request.of("ns", "key-" + i));
        }
        awaitIdle(controller);

        assertThat(overlaps).hasValue(0);
        assertThat(calls).hasSize(keys);
        assertThat(calls.values()).as("each re-add during a reconcile gives exactly one more reconcile")
                .allSatisfy(count -> assertThat(count).hasValue(reAdds + 1));
    }

    @Test
    void closeInterruptsOverrunningReconcilesAndEndsEveryWorker() throws Exception {
        ControllerManager quick = ControllerManager.builder().eventSource(source).clock(clock)
                .shutdownTimeout(Duration.ofMillis(50)).build();
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Throwable> interruption = new CompletableFuture<>();
        List<Thread> workers = new CopyOnWriteArrayList<>();
        Controller controller = quick.controller("stuck").forType(ConfigMap.TYPE).workers(2).reconciler(request -> {
            workers.add(Thread.currentThread());
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interruption.complete(e);
                throw e;
            }
            return Result.done();
        });
        source.markSynced(ConfigMap.TYPE);
        quick.start();
        source.create(configMap("default", "slow"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        quick.close();

        assertThat(interruption).isCompletedWithValueMatching(e -> e instanceof InterruptedException);
        assertThat(workers).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
        assertThat(source.handlerCount(ConfigMap.TYPE)).as("handlers unregistered").isZero();
        assertThat(quick.isRunning()).isFalse();

        controller.enqueue(Request.of("default", "after-close"));
        assertThat(controller.queueLength()).as("no new work after close").isZero();
        assertThatThrownBy(() -> quick.controller("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeLetsInFlightReconcilesFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        startConfigMapController(request -> {
            entered.countDown();
            release.await();
            finished.incrementAndGet();
            return Result.done();
        });
        source.create(configMap("default", "site"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(manager::close);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertThat(finished).hasValue(1);
        assertThat(reconciles("configmaps", "success")).isEqualTo(1);
    }

    @Test
    void registrationIsValidated() {
        manager.controller("taken").reconciler(request -> Result.done());

        assertThatThrownBy(() -> manager.controller("taken")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manager.controller(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manager.controller("x").owns(ConfigMap.TYPE).reconciler(request -> Result.done()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forType");
        assertThatThrownBy(() -> manager.controller("y").forType(ConfigMap.TYPE).forType(Widget.TYPE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> manager.controller("z").workers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(manager.find("taken")).isPresent();
        assertThat(manager.controllers()).extracting(Controller::name).containsExactly("taken");
    }

    @Test
    void startTwiceIsRejected() {
        manager.start();
        assertThat(manager.isRunning()).isTrue();
        assertThatThrownBy(manager::start).isInstanceOf(IllegalStateException.class);
    }
}
