package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Service;
import io.flotilla.core.Cluster;
import io.flotilla.core.network.NetworkConfig;
import io.flotilla.runtime.docker.DockerRuntime;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services on real Docker: three busybox web servers behind the Service {@code web}; the host proxy reaches all
 * three on the node port, and a client pod finds {@code web} through the cluster DNS served on the cluster
 * network's gateway.
 */
@RequiresRuntime("docker")
class ServiceDiscoveryIT {
    private static final String NETWORK = "flotilla-dns-it";
    private static final String SUBNET = "172.31.250.0/24";
    private static final String GATEWAY = "172.31.250.1";
    private DockerClient docker;
    private Cluster cluster;

    @BeforeEach
    void start() {
        docker = TestDocker.client();
        TestImages.ensureBuilt(docker);
        removeNetwork();
        docker.createNetworkCmd().withName(NETWORK).withDriver("bridge")
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(SUBNET)
                        .withGateway(GATEWAY)))
                .exec();
        cluster = Cluster.builder().id("dns-it")
                .node("local", DockerRuntime.local().sandboxImage(TestImages.PAUSE).network(NETWORK))
                .network(NetworkConfig.defaults().withDns(GATEWAY, 53))
                .start();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        removeNetwork();
    }

    private void removeNetwork() {
        try {
            docker.removeNetworkCmd(NETWORK).exec();
        } catch (RuntimeException ignored) {
            // absent
        }
    }

    /** Polls {@code condition} every 100 ms for up to 60 s (integration tests run on real time). */
    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private void web(String name) {
        cluster.apply(Pod.named(name).label("app", "web").nodeName("local")
                .container("httpd", c -> c.image(TestImages.BUSYBOX).port("http", 8080).command("sh", "-c",
                        "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 8080 -h /www")));
    }

    @Test
    void threeBackendsAnswerThroughTheHostProxyAndByName() throws Exception {
        cluster.apply(Service.named("web").selector("app", "web").port("http", 80, "http").nodePort());
        for (String name : List.of("web-1", "web-2", "web-3")) {
            web(name);
        }
        until(() -> cluster.client().endpoints().get("web")
                .map(Endpoints::readyAddresses).map(List::size).orElse(0) == 3);

        URI url = cluster.services().get("web").hostUrl();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            try (HttpClient http = HttpClient.newHttpClient()) { // a new connection: balancing is per connection
                answered.add(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
                        .body().trim());
            }
        }
        assertThat(answered).containsExactlyInAnyOrder("web-1", "web-2", "web-3");

        assertThat(cluster.dns().port()).isEqualTo(53);
        cluster.apply(Pod.named("client").nodeName("local").restartPolicy("Never")
                .container("c", c -> c.image(TestImages.BUSYBOX).command("sh", "-c",
                        "ip=$(nslookup web.default.svc.cluster.local " + GATEWAY + " | awk '/^Address/ {a=$NF} "
                                + "END {print a}'); echo ip=$ip; wget -q -O - http://$ip:8080/")));
        until(() -> cluster.client().pods().get("client")
                .map(Pod::phase).map(p -> p.equals(PodStatus.SUCCEEDED) || p.equals(PodStatus.FAILED))
                .orElse(false));
        String log = cluster.pod("client").logs("c");
        assertThat(cluster.client().pods().get("client").orElseThrow().phase()).as(log)
                .isEqualTo(PodStatus.SUCCEEDED);
        assertThat(log).containsAnyOf("web-1", "web-2", "web-3");
    }
}
