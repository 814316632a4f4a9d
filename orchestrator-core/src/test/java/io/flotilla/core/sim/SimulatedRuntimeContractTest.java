package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.core.time.VirtualClock;
import io.flotilla.testkit.TestImages;
import io.flotilla.testkit.contract.ContainerRuntimeContract;
import io.flotilla.testkit.contract.ContractWorkload;
import io.flotilla.testkit.contract.TestTime;
import java.time.Duration;

/** The runtime contract suite against the simulated runtime on a virtual clock. */
class SimulatedRuntimeContractTest extends ContainerRuntimeContract {
    private final VirtualClock clock = VirtualClock.create();
    private final SimulatedRuntime runtime = SimulatedRuntime.builder(clock)
            .scenario(scenario())
            .images(TestImages.BUSYBOX, TestImages.PAUSE)
            .build();

    @Override
    protected ContainerRuntime runtime() {
        return runtime;
    }

    @Override
    protected TestTime time() {
        return new VirtualTestTime(clock);
    }

    private Scenario scenario() {
        Scenario scenario = Scenario.create().missingImage(missingImage());
        for (ContractWorkload workload : ContractWorkload.values()) {
            scenario.forContainer(workload.containerName(), behaviorOf(workload));
        }
        return scenario;
    }

    /** What each contract workload does, as its documentation says. */
    static SimBehavior behaviorOf(ContractWorkload workload) {
        return switch (workload) {
            case SLEEPER -> SimBehavior.runsForever()
                    .exec(ContractWorkload.EXEC_ECHO, ExecResult.of(4, "out\n", "err\n"))
                    .execHangs(ContractWorkload.EXEC_HANG);
            case SERVER -> SimBehavior.runsForever()
                    .serves(ContractWorkload.HTTP_PORT, "/", 200, ContractWorkload.SERVED_BODY + "\n");
            case FETCHER -> SimBehavior.runsForever().fetches(ContractWorkload.HTTP_PORT, "/")
                    .exitAt(Duration.ZERO, 0);
            case EXIT_THREE -> SimBehavior.exitsAfter(Duration.ZERO, 3);
            case SUCCEED -> SimBehavior.runsForever().prints("done").exitAt(Duration.ZERO, 0);
            case MEMORY_HOG -> SimBehavior.runsForever().allocates(ContractWorkload.HOG_ALLOCATION_BYTES)
                    .exitAt(Duration.ofSeconds(1), 0);
            case LOGGER -> SimBehavior.runsForever().prints("line-1", "line-2", "line-3", "line-4", "line-5")
                    .printsAt(Duration.ZERO, LogLine.Stream.STDERR, "oops");
            case TICKER -> SimBehavior.runsForever().printsEvery(Duration.ofSeconds(1), "tick-1", "tick-2", "tick-3")
                    .exitAt(Duration.ofSeconds(3), 0);
            case FILE_READER -> SimBehavior.runsForever().printsFile("/data/app.txt")
                    .printsFileMode("/data/secret.txt").exitAt(Duration.ZERO, 0);
        };
    }
}
