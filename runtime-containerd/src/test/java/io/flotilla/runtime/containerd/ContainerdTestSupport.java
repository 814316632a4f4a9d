package io.flotilla.runtime.containerd;

import io.flotilla.testkit.Runtimes;
import java.nio.file.Path;

/** Connects integration tests to the containerd named by {@code FLOTILLA_CONTAINERD_SOCKET}. */
final class ContainerdTestSupport {
    private ContainerdTestSupport() {
    }

    /** A runtime for the test containerd, keeping its state in a directory of the tests' own. */
    static ContainerdRuntime runtime() {
        return ContainerdRuntime.connect(Runtimes.containerdSocket().orElseThrow())
                .stateDir(Path.of(System.getProperty("java.io.tmpdir"), "flotilla-containerd-it"));
    }
}
