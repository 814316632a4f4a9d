package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Probe;
import io.flotilla.api.core.Service;
import io.flotilla.api.networking.HttpIngressPath;
import io.flotilla.api.networking.Ingress;
import io.flotilla.api.networking.IngressBackend;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.core.Cluster;
import io.flotilla.testkit.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Issue 8's acceptance on a real runtime, with the cluster's default network settings: every pod's resolver is the
 * cluster DNS, served on port 53 of the node's pod network gateway, so a client pod reaches Services by their short
 * names; readiness, scaling and StatefulSet pod identities show in DNS and in the host proxy; the ingress routes
 * paths to Services. Each runtime runs it through a subclass that names the runtime and requires it
 * ({@link ServiceDiscoveryOnDockerIT}, {@link ServiceDiscoveryOnContainerdIT}).
 *
 * <p>Quirks of the test image's busybox (Debian's static build, 1.35): {@code nslookup} exits 1 whenever one of its
 * queries fails (the AAAA query, or a search domain the name is not under) even with the answer printed, so only
 * its output counts ({@link DnsAnswers#fromNslookup}); {@code wget} crashes (SIGSEGV) when a connection is refused,
 * so HTTP requests go through {@code nc}, which resolves with the libc resolver walking the search list
 * ({@code ndots:5}) as any client does; {@code ping} shows the address the libc resolver chose for a name.
 */
abstract class ServiceDiscoverySuite {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BUSYBOX = TestImages.BUSYBOX;
    private static final String SEARCH_PATH = "search default.svc.cluster.local svc.cluster.local cluster.local";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private RuntimeClusterFixture fixture;
    private Cluster cluster;

    /** The runtime the tests run on. */
    abstract TestRuntime runtime();

    /**
     * The {@code nameserver} a pod's {@code resolv.conf} names when the cluster DNS serves pods on
     * {@code gateway}:53: the gateway itself, or a forwarder of the runtime's in front of it.
     */
    abstract String podNameserver(String gateway);

    /** Runs before the cluster starts, with its fixture: room for a runtime's own preconditions. */
    void beforeClusterStart(RuntimeClusterFixture fixture) {
    }

    @BeforeEach
    void start(TestInfo test) {
        fixture = RuntimeClusterFixture.start(runtime(), "sd-", test);
        beforeClusterStart(fixture);
        cluster = fixture.startCluster();
    }

    @AfterEach
    void stop() {
        fixture.closeAndAssertNothingLeft();
    }

    // The Services are ClusterIP ones reached from the host with hostUrl() (a free port opened on demand): node
    // ports are allocated per cluster from 30000 up, so a concurrent cluster on this host may hold the same one.
    @Test
    void clientPodReachesEveryBackendByNameAndSeesScaleUpWithinASecond() {
        cluster.apply(web(3));
        cluster.apply(Service.named("web").selector("app", "web").port(80));
        startClient();
        awaitReadyEndpoints("web", 3);

        assertThat(exec("cat /etc/resolv.conf")).contains("nameserver " + podNameserver(podDnsGateway()))
                .contains(SEARCH_PATH).contains("ndots:5");
        String fqdn = nslookup("web.default.svc.cluster.local");
        assertThat(DnsAnswers.fromNslookup(fqdn)).as(fqdn).hasSize(3).isEqualTo(readyIPs("web"));
        String shortName = nslookup("web");
        assertThat(DnsAnswers.fromNslookup(shortName)).as(shortName).isEqualTo(readyIPs("web"));

        // 100 requests by name, each a new lookup through the pod's resolver (DNS round robin)
        String bodies = exec(httpGets("web", 100));
        List<String> answers = Arrays.stream(bodies.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        assertThat(answers).hasSize(100);
        assertThat(new HashSet<>(answers)).as(bodies).isEqualTo(readyPodNames("web"));

        cluster.apply(web(5));
        await("5 ready web pods", () -> cluster.client().pods().list().stream()
                .filter(p -> p.metadata().name().startsWith("web-") && p.isReady()).count(), n -> n == 5);
        long readyAt = System.nanoTime();
        Set<String> five = await("5 addresses in DNS", () -> hostLookup("web.default.svc.cluster.local."),
                ips -> ips.size() == 5);
        long millis = (System.nanoTime() - readyAt) / 1_000_000;
        System.out.printf("%s: 5 pods ready -> 5 addresses in DNS: %d ms%n", getClass().getSimpleName(), millis);
        assertThat(five).isEqualTo(readyIPs("web"));
        assertThat(millis).as("DNS shows the new pods %d ms after they are ready", millis).isLessThan(1_000);
        assertThat(DnsAnswers.fromNslookup(nslookup("web"))).isEqualTo(readyIPs("web"));
    }

    @Test
    void unreadyPodLeavesDnsAndTheHostProxy() throws Exception {
        cluster.apply(web(3));
        cluster.apply(Service.named("web").selector("app", "web").port(80));
        startClient();
        awaitReadyEndpoints("web", 3);
        Pod sick = cluster.client().pods().list().stream().filter(p -> p.metadata().name().startsWith("web-"))
                .findFirst().orElseThrow();
        String sickIP = sick.status().podIP();

        assertThat(cluster.pod(sick.metadata().name()).exec("httpd", "rm", "/www/ready").succeeded()).isTrue();
        await("2 ready endpoints", () -> readyIPs("web"), ips -> ips.size() == 2 && !ips.contains(sickIP));

        for (int i = 0; i < 5; i++) {
            String out = nslookup("web");
            assertThat(DnsAnswers.fromNslookup(out)).as(out).hasSize(2).doesNotContain(sickIP);
        }
        String bodies = exec(httpGets("web", 30));
        assertThat(bodies).doesNotContain(sick.metadata().name()).contains("web-");
        URI url = cluster.services().get("web").hostUrl();
        for (int i = 0; i < 30; i++) {
            assertThat(get(url)).isNotEqualTo(sick.metadata().name());
        }
    }

    @Test
    void statefulPodNameFollowsPodZeroWhenItIsRecreated() {
        cluster.apply(Service.named("db").selector("app", "db").headless().port(80));
        cluster.apply(StatefulSet.named("db").replicas(2).serviceName("db").terminationGracePeriodSeconds(1L)
                .container("app", c -> c.image(BUSYBOX).command("sleep", "100000")));
        startClient();
        Pod first = await("db-0 and db-1 ready", () -> cluster.client().pods().get("db-0"),
                p -> p.isPresent() && p.get().isReady() && readyIPs("db").size() == 2).orElseThrow();
        String out = nslookup("db-0.db.default.svc.cluster.local");
        assertThat(DnsAnswers.fromNslookup(out)).as(out).containsExactly(first.status().podIP());
        assertThat(ping("db-0.db")).contains("(" + first.status().podIP() + ")");

        cluster.client().pods().delete("db-0");
        Pod second = await("db-0 recreated and ready", () -> cluster.client().pods().get("db-0"),
                p -> p.isPresent() && !p.get().metadata().uid().equals(first.metadata().uid()) && p.get().isReady()
                        && readyIPs("db").contains(p.get().status().podIP())).orElseThrow();
        await("db-0.db resolving to the new pod", () -> ping("db-0.db"),
                o -> o.contains("(" + second.status().podIP() + ")"));
        assertThat(DnsAnswers.fromNslookup(nslookup("db-0.db.default.svc.cluster.local")))
                .containsExactly(second.status().podIP());
    }

    @Test
    void ingressRoutesApiAndRootToTwoServices() throws Exception {
        cluster.apply(server("api", 1));
        cluster.apply(web(1));
        cluster.apply(Service.named("api").selector("app", "api").port(80));
        cluster.apply(Service.named("web").selector("app", "web").port(80));
        cluster.apply(Ingress.named("site").rule(null,
                HttpIngressPath.prefix("/api", IngressBackend.service("api", 80)),
                HttpIngressPath.prefix("/", IngressBackend.service("web", 80))));
        awaitReadyEndpoints("api", 1);
        awaitReadyEndpoints("web", 1);
        URI ingress = cluster.ingressUrl();

        assertThat(get(ingress.resolve("/api/index.html"))).startsWith("api-");
        assertThat(get(ingress.resolve("/index.html"))).startsWith("web-");
        assertThat(get(ingress.resolve("/"))).startsWith("web-");
    }

    @Test
    void badServicesGetClearErrorsOrEventsAndTheClusterKeepsServing() throws Exception {
        cluster.apply(web(1));
        cluster.apply(Service.named("web").selector("app", "web").port(80));
        cluster.apply(Service.named("np").selector("app", "web").port(80).nodePort());
        awaitReadyEndpoints("web", 1);
        int nodePort = cluster.client().services().get("np").orElseThrow().spec().ports().get(0).nodePort();

        assertThatApplyFails(Service.named("twice").selector("app", "web").port(80).port(80, 8080).build(),
                "spec.ports");
        assertThatApplyFails(Service.named("clash").selector("app", "web").port(80).nodePort(nodePort).build(),
                String.valueOf(nodePort));
        cluster.apply(Service.named("unknown-port").selector("app", "web").port("http", 80, "nope"));
        cluster.apply(Service.named("nobody").selector("app", "nobody").port(80));

        await("a warning naming the missing port", () -> cluster.client().events().list().stream()
                        .filter(e -> "Warning".equals(e.eventType()) && e.message() != null
                                && e.message().contains("nope"))
                        .toList(),
                events -> !events.isEmpty());
        await("empty endpoints for a selector matching nothing",
                () -> cluster.client().endpoints().get("nobody"), e -> e.isPresent() && e.get().subsets().isEmpty());
        assertThat(hostLookup("nobody.default.svc.cluster.local.")).isEmpty();
        assertThat(get(cluster.services().get("web").hostUrl())).startsWith("web-");
    }

    // ---- helpers

    private static Deployment web(int replicas) {
        return server("web", replicas);
    }

    /** Busybox httpd on port 80 serving its pod name, ready while {@code /www/ready} exists. */
    private static Deployment server(String app, int replicas) {
        return Deployment.named(app).replicas(replicas).terminationGracePeriodSeconds(1L)
                .container("httpd", c -> c.image(BUSYBOX).port(80).command("sh", "-c",
                                "mkdir -p /www/" + app + " && hostname > /www/index.html && hostname > /www/" + app
                                        + "/index.html && touch /www/ready && exec httpd -f -p 80 -h /www")
                        .readiness(Probe.http("/ready", 80).periodSeconds(1).failureThreshold(1)))
                .build();
    }

    /** The gateway of the node's pod network, where the cluster DNS must be serving the cluster's pods. */
    private String podDnsGateway() {
        String gateway = cluster.nodes().agents().getFirst().runtime().podNetworkGateway(cluster.id())
                .orElseThrow(() -> new AssertionError(runtime() + " reports no pod network gateway"));
        assertThat(cluster.dns().nameserverOn(gateway)).as("the cluster DNS serving pods on %s:53", gateway)
                .contains(gateway);
        return gateway;
    }

    private void startClient() {
        cluster.apply(Pod.named("client").terminationGracePeriodSeconds(1L)
                .container("c", c -> c.image(BUSYBOX).command("sleep", "100000")));
        await("client running", () -> cluster.client().pods().get("client"),
                p -> p.isPresent() && p.get().isReady());
    }

    /** Runs {@code script} in the client pod and returns its output, failing with the output if it fails. */
    private String exec(String script) {
        ExecResult result = cluster.pod("client").exec("c", Duration.ofSeconds(60), "sh", "-c", script);
        assertThat(result.succeeded()).as("%s: %s%n%s%s", script, result, result.stdout(), result.stderr())
                .isTrue();
        return result.stdout();
    }

    /**
     * busybox nslookup's output for {@code name} through the pod's resolver. Its exit code is not used: it also asks
     * AAAA and the bare name, and fails when any of its queries fails, even with the A answer printed.
     */
    private String nslookup(String name) {
        ExecResult result = cluster.pod("client").exec("c", Duration.ofSeconds(60), "nslookup", name);
        assertThat(result.timedOut()).as("nslookup %s timed out", name).isFalse();
        return result.stdout() + result.stderr();
    }

    /** The first line of ping, {@code PING name (ip): ...}: the address the pod's libc resolver gives the name. */
    private String ping(String name) {
        return exec("ping -c 1 -W 1 " + name + " 2>&1 | head -n 1; true");
    }

    /** A script making {@code count} HTTP/1.0 requests to {@code host}:80 with nc, printing each body. */
    private static String httpGets(String host, int count) {
        return "for i in $(seq 1 " + count + "); do printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + host
                + " 80 | tail -n 1; done";
    }

    /** The A records of {@code name} as the cluster DNS's host listener answers them. */
    private Set<String> hostLookup(String name) {
        return DnsAnswers.lookupA(cluster.dns().address(), cluster.dns().port(), name);
    }

    private void awaitReadyEndpoints(String service, int count) {
        await(count + " ready endpoints of " + service, () -> readyIPs(service), ips -> ips.size() == count);
    }

    private Set<String> readyIPs(String service) {
        Set<String> ips = new TreeSet<>();
        cluster.client().endpoints().get(service).map(Endpoints::readyAddresses).orElse(List.of())
                .forEach(a -> ips.add(a.ip()));
        return ips;
    }

    private Set<String> readyPodNames(String service) {
        Set<String> names = new TreeSet<>();
        cluster.client().endpoints().get(service).map(Endpoints::readyAddresses).orElse(List.of()).stream()
                .map(EndpointAddress::targetRef).forEach(r -> names.add(r.name()));
        return names;
    }

    private void assertThatApplyFails(Service service, String mentioned) {
        try {
            cluster.apply(service);
        } catch (RuntimeException e) {
            assertThat(e.getMessage()).contains(service.metadata().name()).contains(mentioned);
            return;
        }
        throw new AssertionError("Service " + service.metadata().name() + " was accepted");
    }

    private static String get(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body().trim();
    }

    private static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
        return RuntimeClusterFixture.await(what, WAIT, value, done);
    }
}
