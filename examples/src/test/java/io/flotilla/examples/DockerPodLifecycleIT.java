package io.flotilla.examples;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;

/** {@link PodLifecycleSuite} on the local Docker engine. */
@RequiresRuntime(Runtimes.DOCKER)
class DockerPodLifecycleIT extends PodLifecycleSuite {
    @Override
    TestRuntime runtime() {
        return TestRuntime.DOCKER;
    }
}
