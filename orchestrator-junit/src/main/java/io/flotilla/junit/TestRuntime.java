package io.flotilla.junit;

/** Where the containers of a {@link FlotillaTest} run. */
public enum TestRuntime {
    /**
     * Real containers on the Docker engine at {@code DOCKER_HOST} or the default socket. The test images
     * ({@code flotilla-test/busybox:1}, {@code flotilla-test/pause:1}) are built on first use.
     */
    DOCKER,
    /**
     * The in-process simulated runtime: no containers, every container runs until stopped and every image pulls;
     * fast, for tests of control-plane behaviour. Services are not reachable from the host.
     */
    SIMULATED
}
