package io.flotilla.examples;

import static io.flotilla.examples.RuntimeClusterFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.core.Cluster;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The cluster DNS for pods on containerd: the sandbox's {@code resolv.conf} names the CNI bridge's address (the
 * cluster DNS listens on its port 53) with kubelet's search path, so a client pod reaches a Service by its short
 * name (as the libc resolver resolves it). The CNI bridge is shared by every cluster on that containerd, so only one cluster at a time can serve DNS
 * there (see {@code ClusterDns}).
 */
@RequiresRuntime(Runtimes.CONTAINERD)
class ContainerdClusterDnsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private RuntimeClusterFixture fixture;
    private Cluster cluster;

    @BeforeEach
    void start(TestInfo test) {
        fixture = RuntimeClusterFixture.start(TestRuntime.CONTAINERD, "dns-", test);
        cluster = fixture.startCluster();
    }

    @AfterEach
    void stop() {
        fixture.closeAndAssertNothingLeft();
    }

    @Test
    void podResolvesServicesThroughTheBridgeGateway() {
        cluster.apply(Deployment.named("web").replicas(2).terminationGracePeriodSeconds(1L)
                .container("httpd", c -> c.image(TestImages.BUSYBOX).port(80).command("sh", "-c",
                                "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www")
                        .readiness(Probe.http("/", 80).periodSeconds(1))));
        cluster.apply(Service.named("web").selector("app", "web").port(80));
        cluster.apply(Pod.named("client").terminationGracePeriodSeconds(1L)
                .container("c", c -> c.image(TestImages.BUSYBOX).command("sleep", "100000")));
        await("2 ready endpoints and a ready client", WAIT, () -> readyIPs().size() == 2
                && cluster.client().pods().get("client").map(Pod::isReady).orElse(false), ok -> ok);

        String resolvConf = exec("cat /etc/resolv.conf");
        String gateway = cluster.nodes().agents().getFirst().runtime().podNetworkGateway(cluster.id())
                .orElseThrow();
        assertThat(resolvConf).contains("nameserver " + gateway)
                .contains("search default.svc.cluster.local svc.cluster.local cluster.local")
                .contains("ndots:5");
        String lookup = cluster.pod("client").exec("c", "nslookup", "web.default.svc.cluster.local").stdout();
        assertThat(ServiceDiscoveryIT.addresses(lookup)).as(lookup).isEqualTo(readyIPs());

        // the libc resolver (search list, ndots:5) resolves the short name: ping prints the address it chose.
        // (No HTTP between pods here: with Docker's FORWARD policy DROP and bridge-nf-call-iptables=1 on this
        // machine, traffic between two pods on the CNI bridge is dropped unless a FORWARD rule accepts it.)
        String ping = exec("ping -c 1 -W 1 web 2>&1 | head -n 1; true");
        assertThat(readyIPs()).as(ping).anyMatch(ip -> ping.contains("(" + ip + ")"));
    }

    private String exec(String script) {
        ExecResult result = cluster.pod("client").exec("c", Duration.ofSeconds(60), "sh", "-c", script);
        assertThat(result.succeeded()).as("%s: %s%n%s%s", script, result, result.stdout(), result.stderr()).isTrue();
        return result.stdout();
    }

    private Set<String> readyIPs() {
        Set<String> ips = new TreeSet<>();
        cluster.client().endpoints().get("web").map(Endpoints::readyAddresses).orElse(List.of())
                .forEach(a -> ips.add(a.ip()));
        return ips;
    }
}
