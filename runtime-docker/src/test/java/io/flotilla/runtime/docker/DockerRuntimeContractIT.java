package io.flotilla.runtime.docker;

import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import io.flotilla.testkit.contract.ContainerRuntimeContract;
import io.flotilla.testkit.contract.TestTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The runtime contract suite against the real Docker engine of this machine. */
@RequiresRuntime("docker")
class DockerRuntimeContractIT extends ContainerRuntimeContract {
    private static DockerRuntime runtime;

    @BeforeAll
    static void connect() {
        TestImages.ensureBuilt(TestDocker.client());
        runtime = DockerRuntime.local().sandboxImage(TestImages.PAUSE);
    }

    @AfterAll
    static void disconnect() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Override
    protected ContainerRuntime runtime() {
        return runtime;
    }

    @Override
    protected TestTime time() {
        return TestTime.real();
    }
}
