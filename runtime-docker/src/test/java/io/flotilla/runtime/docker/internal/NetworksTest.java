package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateNetworkResponse;
import com.github.dockerjava.api.command.InspectNetworkCmd;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.command.CreateNetworkCmdImpl;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NetworksTest {
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger inspections = new AtomicInteger();
    private final CountDownLatch allAsking = new CountDownLatch(8);
    private final Networks networks = new Networks(docker(), new Errors("unix:///test.sock"), false);

    /** A client that creates networks and answers inspections (slowly, once every caller is waiting). */
    private DockerClient docker() {
        return (DockerClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DockerClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createNetworkCmd" -> new CreateNetworkCmdImpl(cmd -> {
                        creates.incrementAndGet();
                        return new CreateNetworkResponse();
                    });
                    case "inspectNetworkCmd" -> inspectCmd();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private InspectNetworkCmd inspectCmd() {
        return (InspectNetworkCmd) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {InspectNetworkCmd.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "withNetworkId" -> proxy;
                    case "close" -> null;
                    case "exec" -> {
                        inspections.incrementAndGet();
                        allAsking.await(5, TimeUnit.SECONDS);
                        yield new ObjectMapper().readValue(
                                "{\"IPAM\":{\"Config\":[{\"Subnet\":\"172.30.0.0/16\",\"Gateway\":\"172.30.0.1\"}]}}",
                                Network.class);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void podsStartingTogetherInspectTheGatewayOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    allAsking.countDown();
                    return networks.gateway("flotilla-c1", "c1");
                }));
            }
            for (Future<Optional<String>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).contains("172.30.0.1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(creates).hasValue(1);
        assertThat(inspections).hasValue(1);
        assertThat(networks.gateway("flotilla-c1", "c1")).contains("172.30.0.1");
        assertThat(inspections).as("cached").hasValue(1);
    }
}
