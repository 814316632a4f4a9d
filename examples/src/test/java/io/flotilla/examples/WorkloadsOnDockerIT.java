package io.flotilla.examples;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;

/** {@link WorkloadsSuite} on the local Docker engine. */
@RequiresRuntime(Runtimes.DOCKER)
class WorkloadsOnDockerIT extends WorkloadsSuite {
    @Override
    TestRuntime runtime() {
        return TestRuntime.DOCKER;
    }
}
