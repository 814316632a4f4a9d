package io.flotilla.core.sim;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.meta.Quantity;
import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.ContainerResources;
import io.flotilla.api.runtime.ContainerRunState;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerStats;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.RuntimeContainerStatus;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.Subscription;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated runtime's scenario features on a virtual clock: timed exits, crash loops, OOM, stop, stats, logs. */
class SimulatedRuntimeTest {
    private final SimFixture sim = new SimFixture();
    private final SimulatedRuntime runtime = sim.runtime;

    @Test
    void containerExitsAfterItsScriptedTime() {
        sim.scenario.forContainer("job", SimBehavior.exitsAfter(ofSeconds(5), 1));
        String id = sim.run("job");

        sim.clock.advance(ofMillis(4999));
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerRunState.RUNNING);
        sim.clock.advance(ofMillis(1));
        RuntimeContainerStatus status = runtime.containerStatus(id);
        assertThat(status.state()).isEqualTo(ContainerRunState.EXITED);
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.reason()).isEqualTo(RuntimeContainerStatus.ERROR);
        assertThat(Duration.between(status.startedAt(), status.finishedAt())).isEqualTo(ofSeconds(5));
    }

    @Test
    void behaviourPerAttemptModelsACrashLoopThatRecovers() {
        sim.scenario.forContainer("flaky", attempt -> attempt < 2
                ? SimBehavior.exitsAfter(ofSeconds(1), 2) : SimBehavior.runsForever());
        String sandbox = sim.sandbox("flaky");
        for (int attempt = 0; attempt < 2; attempt++) {
            String id = sim.run(sandbox, "flaky", attempt);
            sim.clock.advance(ofSeconds(1));
            assertThat(runtime.containerStatus(id).exitCode()).isEqualTo(2);
            assertThat(runtime.containerStatus(id).restartCount()).isEqualTo(attempt);
        }
        String third = sim.run(sandbox, "flaky", 2);
        sim.clock.advance(ofSeconds(60));
        assertThat(runtime.containerStatus(third).state()).isEqualTo(ContainerRunState.RUNNING);
    }

    @Test
    void oomKillPublishesOomThenExit() {
        sim.scenario.forContainer("leaky", SimBehavior.runsForever().oomAt(ofSeconds(3)));
        List<RuntimeEvent> events = new ArrayList<>();
        runtime.subscribe(events::add);
        String id = sim.run("leaky");
        sim.clock.advance(ofSeconds(3));

        RuntimeContainerStatus status = runtime.containerStatus(id);
        assertThat(status.reason()).isEqualTo(RuntimeContainerStatus.OOM_KILLED);
        assertThat(status.exitCode()).isEqualTo(137);
        assertThat(events).extracting(RuntimeEvent::type).endsWith(RuntimeEvent.Type.CONTAINER_OOM,
                RuntimeEvent.Type.CONTAINER_EXITED);
    }

    @Test
    void allocationAboveTheMemoryLimitIsOomKilledButBelowItCountsInTheWorkingSet() {
        sim.scenario.forContainer("big", SimBehavior.runsForever().allocates(64L << 20));
        String sandbox = sim.sandbox("big");
        String limited = runtime.createContainer(sandbox, ContainerConfig.builder("big", SimFixture.IMAGE)
                .resources(ContainerResources.memoryLimit(16L << 20)).build(), SimFixture.pod("big"));
        runtime.startContainer(limited);
        assertThat(runtime.containerStatus(limited).reason()).isEqualTo(RuntimeContainerStatus.OOM_KILLED);

        String unlimited = sim.run(sandbox, "big", 1);
        assertThat(runtime.containerStats(unlimited).memoryWorkingSetBytes()).isEqualTo(64L << 20);
    }

    @Test
    void statsAccumulateCpuAtTheScriptedRate() {
        sim.scenario.forContainer("busy", SimBehavior.runsForever().usage(250, 32L << 20));
        String id = sim.run("busy");
        ContainerStats first = runtime.containerStats(id);
        sim.clock.advance(ofSeconds(2));
        ContainerStats second = runtime.containerStats(id);

        assertThat(second.cpuUsageCoreNanos()).isEqualTo(500_000_000L);
        assertThat(second.nanoCoresSince(first)).isEqualTo(250_000_000L);
        assertThat(second.memoryWorkingSetBytes()).isEqualTo(32L << 20);
        runtime.stopContainer(id, Duration.ZERO);
        sim.clock.advance(ofSeconds(5));
        assertThat(runtime.containerStats(id).cpuUsageCoreNanos()).isEqualTo(500_000_000L);
        assertThat(runtime.containerStats(id).memoryWorkingSetBytes()).isZero();
    }

    @Test
    void stopHonouringSigtermExitsWith143AtOnce() {
        String id = sim.run("web");
        runtime.stopContainer(id, ofSeconds(30));
        assertThat(runtime.containerStatus(id).exitCode()).isEqualTo(SimProcesses.TERMINATED);
        assertThat(runtime.containerStatus(id).finishedAt()).isEqualTo(VirtualClock.DEFAULT_START);
    }

    @Test
    void stopIgnoringSigtermBlocksUntilTheGracePeriodEnds() throws Exception {
        sim.scenario.forContainer("stubborn", SimBehavior.runsForever().ignoresSigterm());
        String id = sim.run("stubborn");
        Thread stopper = Thread.ofVirtual().start(() -> runtime.stopContainer(id, ofSeconds(10)));
        SimTesting.awaitPendingTask(sim.clock);

        sim.clock.advance(ofSeconds(9));
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerRunState.RUNNING);
        sim.clock.advance(ofSeconds(1));
        stopper.join(Duration.ofSeconds(10));
        assertThat(stopper.isAlive()).isFalse();
        assertThat(runtime.containerStatus(id).exitCode()).isEqualTo(SimProcesses.KILLED);
    }

    @Test
    void startLatencyKeepsTheContainerCreatedUntilItPasses() throws Exception {
        sim.scenario.forContainer("slow", SimBehavior.runsForever().startLatency(ofSeconds(2)));
        String id = runtime.createContainer(sim.sandbox("slow"), SimFixture.container("slow"), SimFixture.pod("slow"));
        Thread starter = Thread.ofVirtual().start(() -> runtime.startContainer(id));
        SimTesting.awaitPendingTask(sim.clock);

        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerRunState.CREATED);
        assertThatThrownBy(() -> runtime.startContainer(id)).isInstanceOf(ContainerRuntimeException.InvalidState.class);
        sim.clock.advance(ofSeconds(2));
        starter.join(Duration.ofSeconds(10));
        assertThat(runtime.containerStatus(id).state()).isEqualTo(ContainerRunState.RUNNING);
        assertThat(runtime.containerStatus(id).startedAt()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(2));
    }

    @Test
    void execAnswersPerCommandAndTimesOutHangingOnes() {
        sim.scenario.forContainer("probe", SimBehavior.runsForever()
                .exec(List.of("cat", "/tmp/healthy"), ExecResult.of(1, "", "no such file\n"))
                .execHangs(List.of("slow-check"))
                .execDefault(ExecResult.of(0, "ok\n", "")));
        String id = sim.run("probe");

        assertThat(runtime.execSync(id, List.of("cat", "/tmp/healthy"), ofSeconds(1)).exitCode()).isEqualTo(1);
        assertThat(runtime.execSync(id, List.of("slow-check"), ofSeconds(1)).timedOut()).isTrue();
        assertThat(runtime.execSync(id, List.of("anything"), ofSeconds(1)).stdout()).isEqualTo("ok\n");
    }

    @Test
    void followedLogsArriveAsPrintedAndStopWhenClosed() {
        sim.scenario.forContainer("chatty", SimBehavior.runsForever().printsEvery(ofSeconds(1), "a", "b", "c", "d"));
        String id = sim.run("chatty");
        List<String> seen = new ArrayList<>();
        Subscription subscription = runtime.logs(id, LogOptions.all().withFollow(), new LogListener() {
            @Override
            public void onLine(LogLine line) {
                seen.add(line.text());
            }

            @Override
            public void onEnd() {
                seen.add("<end>");
            }
        });
        assertThat(seen).containsExactly("a");
        sim.clock.advance(ofSeconds(1));
        assertThat(seen).containsExactly("a", "b");
        subscription.close();
        sim.clock.advance(ofSeconds(5));
        assertThat(seen).containsExactly("a", "b");
        assertThat(LogLine.Stream.STDOUT).isEqualTo(runtime.readLogs(id, LogOptions.all()).get(3).stream());
    }

    @Test
    void logKeepsOnlyTheLastThousandLines() {
        String[] lines = new String[SimLog.MAX_LINES + 5];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "n" + i;
        }
        sim.scenario.forContainer("flood", SimBehavior.runsForever().prints(lines));
        String id = sim.run("flood");
        List<LogLine> kept = runtime.readLogs(id, LogOptions.all());
        assertThat(kept).hasSize(SimLog.MAX_LINES);
        assertThat(kept.getFirst().text()).isEqualTo("n5");
    }

    @Test
    void listenersMayCallBackIntoTheRuntime() {
        List<Object> seen = new ArrayList<>();
        runtime.subscribe(event -> {
            if (event.type() == RuntimeEvent.Type.CONTAINER_EXITED) {
                seen.add(runtime.containerStatus(event.containerId()).state());
                seen.add(runtime.readLogs(event.containerId(), LogOptions.all()).getFirst().text());
            }
        });
        sim.scenario.forContainer("once", SimBehavior.runsForever().prints("bye").exitAt(ofSeconds(1), 0));
        sim.run("once");
        sim.clock.advance(ofSeconds(1));
        assertThat(seen).containsExactly(ContainerRunState.EXITED, "bye");
    }

    @Test
    void closeCancelsScriptedStepsAndRejectsCalls() {
        sim.scenario.forContainer("job", SimBehavior.exitsAfter(ofSeconds(5), 0));
        sim.run("job");
        assertThat(sim.clock.pendingTasks()).isEqualTo(1);
        runtime.close();
        runtime.close();
        assertThat(sim.clock.pendingTasks()).isZero();
        assertThatThrownBy(() -> runtime.listImages()).isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("sim://node-1");
    }

    @Test
    void reportsConfiguredCapacity() {
        SimulatedRuntime big = SimulatedRuntime.builder(sim.clock).nodeName("big")
                .capacity(Quantity.of(64), Quantity.parse("256Gi")).build();
        assertThat(big.info().cpu()).isEqualTo(Quantity.of(64));
        assertThat(big.info().hostname()).isEqualTo("big");
        assertThat(big.version().describe()).isEqualTo("flotilla-sim://0.1.0");
        assertThat(big.endpoint()).isEqualTo("sim://big");
    }
}
