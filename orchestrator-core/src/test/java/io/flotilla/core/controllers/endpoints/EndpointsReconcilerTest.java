package io.flotilla.core.controllers.endpoints;

import static io.flotilla.core.controllers.harness.ControllerHarness.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.controller.Request;
import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.core.Service;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.controllers.harness.ControllerHarness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointsReconcilerTest {
    private final ControllerHarness h = new ControllerHarness(Service.TYPE, Pod.TYPE, Endpoints.TYPE);
    private final EndpointsReconciler reconciler = new EndpointsReconciler(h.client, h.lister(Service.TYPE),
            h.lister(Pod.TYPE), h.lister(Endpoints.TYPE), h.recorder);

    @AfterEach
    void close() {
        h.close();
    }

    private Optional<Endpoints> reconcile(String service) {
        h.settle();
        reconciler.reconcile(Request.of(NS, service));
        h.settle();
        return h.client.endpoints().inNamespace(NS).get(service);
    }

    private void pod(String name, String app, String ip, int httpPort) {
        h.client.pods().create(Pod.named(name).namespace(NS).label("app", app)
                .container("c", c -> c.image("img").port("http", httpPort)).build());
        h.status(name, s -> new PodStatus(s.phase(), s.conditions(), null, null, null, ip, List.of(), null,
                List.of(), List.of(), null));
    }

    @Test
    void listsReadyAndNotReadyPodsWithResolvedNamedPorts() {
        h.client.services().create(Service.named("web").namespace(NS).selector("app", "web")
                .port("http", 80, "http").build());
        pod("web-1", "web", "10.0.0.2", 8080);
        pod("web-2", "web", "10.0.0.1", 9090);
        pod("other", "db", "10.0.0.9", 8080);
        h.runningReady("web-1");
        h.runningNotReady("web-2");

        Endpoints ep = reconcile("web").orElseThrow();

        assertThat(ep.metadata().controllerReference()).get().extracting(r -> r.kind()).isEqualTo("Service");
        assertThat(ep.subsets()).hasSize(2);
        EndpointSubset first = ep.subsets().get(0);
        assertThat(first.ports()).containsExactly(new EndpointPort("http", 8080, "TCP", null));
        assertThat(first.addresses()).extracting(EndpointAddress::ip).containsExactly("10.0.0.2");
        assertThat(first.addresses().get(0).targetRef().name()).isEqualTo("web-1");
        assertThat(first.addresses().get(0).nodeName()).isEqualTo("node-1");
        assertThat(ep.subsets().get(1).notReadyAddresses()).extracting(EndpointAddress::ip)
                .containsExactly("10.0.0.1");
        assertThat(ep.subsets().get(1).ports()).extracting(EndpointPort::port).containsExactly(9090);
    }

    @Test
    void followsReadinessChanges() {
        h.client.services().create(Service.named("web").namespace(NS).selector("app", "web").port(80).build());
        pod("web-1", "web", "10.0.0.2", 80);
        h.runningNotReady("web-1");
        assertThat(reconcile("web").orElseThrow().readyAddresses()).isEmpty();

        h.runningReady("web-1");
        h.settle();
        assertThat(EndpointsController.servicesSelecting(h.lister(Service.TYPE), h.pod("web-1")))
                .containsExactly(Request.of(NS, "web"));
        assertThat(reconcile("web").orElseThrow().readyAddresses()).extracting(EndpointAddress::ip)
                .containsExactly("10.0.0.2");
    }

    @Test
    void publishNotReadyAddressesPutsEveryPodInAddresses() {
        h.client.services().create(Service.named("db").namespace(NS).headless().selector("app", "db").port(5432)
                .publishNotReadyAddresses(true).build());
        pod("db-0", "db", "10.0.0.5", 5432);
        h.runningNotReady("db-0");
        assertThat(reconcile("db").orElseThrow().readyAddresses()).extracting(EndpointAddress::ip)
                .containsExactly("10.0.0.5");
    }

    @Test
    void statefulPodsGetTheirHostnameUnderTheirSubdomain() {
        h.client.services().create(Service.named("db").namespace(NS).headless().selector("app", "db").port(5432)
                .build());
        h.client.pods().create(Pod.named("db-0").namespace(NS).label("app", "db").hostname("db-0").subdomain("db")
                .container("c", c -> c.image("img")).build());
        h.status("db-0", s -> new PodStatus(null, List.of(), null, null, null, "10.0.0.7", List.of(), null,
                List.of(), List.of(), null));
        h.runningReady("db-0");
        assertThat(reconcile("db").orElseThrow().readyAddresses()).extracting(EndpointAddress::hostname)
                .containsExactly("db-0");
    }

    @Test
    void unknownTargetPortNameSkipsThePodAndRecordsAWarning() {
        h.client.services().create(Service.named("api").namespace(NS).selector("app", "api")
                .port("grpc", 9090, "grpc").build());
        pod("api-1", "api", "10.0.0.3", 8080);
        h.runningReady("api-1");

        assertThat(reconcile("api").orElseThrow().subsets()).isEmpty();
        h.recorder.close();
        assertThat(h.events).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo(EndpointsController.REASON_PORT_NOT_FOUND);
            assertThat(e.message()).contains("api-1", "grpc");
        });
    }

    @Test
    void selectorMatchingNothingGivesEmptySubsetsAndDeletingPodsLeave() {
        h.client.services().create(Service.named("web").namespace(NS).selector("app", "web").port(80).build());
        assertThat(reconcile("web").orElseThrow().subsets()).isEmpty();

        pod("web-1", "web", "10.0.0.2", 80);
        h.runningReady("web-1");
        assertThat(reconcile("web").orElseThrow().readyAddresses()).hasSize(1);
        h.client.pods().inNamespace(NS).delete("web-1", DeleteOptions.defaults());
        assertThat(reconcile("web").orElseThrow().subsets()).isEmpty();
    }

    @Test
    void unchangedEndpointsAreNotRewritten() {
        h.client.services().create(Service.named("web").namespace(NS).selector("app", "web").port(80).build());
        pod("web-1", "web", "10.0.0.2", 80);
        h.runningReady("web-1");
        String version = reconcile("web").orElseThrow().metadata().resourceVersion();
        assertThat(reconcile("web").orElseThrow().metadata().resourceVersion()).isEqualTo(version);
    }
}
