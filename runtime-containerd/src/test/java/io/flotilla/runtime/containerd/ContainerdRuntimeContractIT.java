package io.flotilla.runtime.containerd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ImageSpec;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestImages;
import io.flotilla.testkit.contract.ContainerRuntimeContract;
import io.flotilla.testkit.contract.TestTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runtime contract suite against the containerd named by {@code FLOTILLA_CONTAINERD_SOCKET} (started by
 * {@code ensure_containerd} in {@code scripts/lib/containerd.sh}, which also imports the test images).
 */
@RequiresRuntime("containerd")
class ContainerdRuntimeContractIT extends ContainerRuntimeContract {
    private static ContainerdRuntime runtime;

    @BeforeAll
    static void connect() {
        runtime = ContainerdTestSupport.runtime();
        assertTrue(runtime.imageStatus(ImageSpec.of(TestImages.BUSYBOX)).isPresent(), TestImages.BUSYBOX
                + " is not in containerd's k8s.io namespace; import it: docker save " + TestImages.BUSYBOX
                + " | ctr -a " + Runtimes.containerdSocket().orElseThrow() + " -n k8s.io images import -");
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
