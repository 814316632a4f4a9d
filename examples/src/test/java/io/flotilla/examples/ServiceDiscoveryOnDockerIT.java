package io.flotilla.examples;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;

/**
 * {@link ServiceDiscoverySuite} on the local Docker engine: each cluster has its own network, whose gateway serves
 * the cluster DNS; pods ask Docker's embedded DNS ({@code 127.0.0.11}), which forwards to it.
 */
@RequiresRuntime(Runtimes.DOCKER)
class ServiceDiscoveryOnDockerIT extends ServiceDiscoverySuite {
    @Override
    TestRuntime runtime() {
        return TestRuntime.DOCKER;
    }

    @Override
    String podNameserver(String gateway) {
        return "127.0.0.11";
    }
}
