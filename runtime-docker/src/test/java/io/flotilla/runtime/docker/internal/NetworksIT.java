package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** Network removal on a real engine reports what it did: refused while a container uses it, gone after. */
@RequiresRuntime("docker")
class NetworksIT {

    @Test
    void removalReportsWhetherTheNetworkIsGone() {
        DockerClient docker = TestDocker.client();
        TestImages.ensureBuilt(docker);
        Networks networks = new Networks(docker, new Errors(TestDocker.host()), true);
        String name = "flotilla-networks-it";
        networks.removeIfUnused(name);
        String container = networks.withNetwork(name, "networks-it", () -> {
            String id = docker.createContainerCmd(TestImages.PAUSE)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(name)).exec().getId();
            docker.startContainerCmd(id).exec();   // a running container holds an endpoint on the network
            return id;
        });
        try {
            assertThat(networks.removeIfUnused(name)).as("refused while a container uses it").isFalse();
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        assertThat(networks.removeIfUnused(name)).as("removed").isTrue();
        assertThat(docker.listNetworksCmd().withNameFilter(name).exec()).isEmpty();
        assertThat(networks.removeIfUnused(name)).as("already gone").isTrue();
    }
}
