package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerConfig;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.time.VirtualClock;

/** A simulated node on a virtual clock, with shortcuts to run pods; for the sim's unit tests. */
final class SimFixture {
    static final String IMAGE = "example.com/app:1";

    final VirtualClock clock = VirtualClock.create();
    final Scenario scenario = Scenario.create().preload(IMAGE);
    final SimulatedRuntime runtime = SimulatedRuntime.builder(clock).nodeName("node-1").scenario(scenario).build();

    static PodSandboxConfig pod(String name) {
        return PodSandboxConfig.builder("default", name, "uid-" + name)
                .labels(RuntimeLabels.forPod("test", "default", name, "uid-" + name)).build();
    }

    static ContainerConfig container(String name) {
        return ContainerConfig.builder(name, IMAGE).label(RuntimeLabels.CONTAINER_NAME, name).build();
    }

    String sandbox(String podName) {
        return runtime.runPodSandbox(pod(podName));
    }

    /** Creates and starts container {@code name} in a new pod {@code name}. */
    String run(String name) {
        return run(sandbox(name), name, 0);
    }

    String run(String sandboxId, String name, int attempt) {
        String id = runtime.createContainer(sandboxId, ContainerConfig.builder(name, IMAGE).attempt(attempt).build(),
                pod(name));
        runtime.startContainer(id);
        return id;
    }
}
