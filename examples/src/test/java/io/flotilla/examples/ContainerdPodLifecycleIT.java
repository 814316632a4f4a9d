package io.flotilla.examples;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;

/** {@link PodLifecycleSuite} on the containerd named by {@code FLOTILLA_CONTAINERD_SOCKET}, through its CRI. */
@RequiresRuntime(Runtimes.CONTAINERD)
class ContainerdPodLifecycleIT extends PodLifecycleSuite {
    @Override
    TestRuntime runtime() {
        return TestRuntime.CONTAINERD;
    }
}
