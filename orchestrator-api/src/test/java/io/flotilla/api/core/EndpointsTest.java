package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Endpoints: builder and YAML agree; addresses and ports are validated. */
class EndpointsTest {

    private static List<String> errors(Endpoints endpoints) {
        ValidationErrors errors = new ValidationErrors();
        Endpoints.TYPE.validator().validate(endpoints, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        ObjectReference pod = ObjectReference.of("Pod", "shop", "db-0");
        Endpoints built = Endpoints.named("db").namespace("shop")
                .subset(new EndpointSubset(List.of(EndpointAddress.ofPod("10.244.1.7", "edge-1", pod)),
                        List.of(EndpointAddress.of("10.244.2.9")), List.of(EndpointPort.named("pg", 5432))))
                .build();
        Endpoints loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Endpoints
                metadata: {name: db, namespace: shop}
                subsets:
                  - addresses:
                      - {ip: 10.244.1.7, nodeName: edge-1, targetRef: {kind: Pod, namespace: shop, name: db-0}}
                    notReadyAddresses: [{ip: 10.244.2.9}]
                    ports: [{name: pg, port: 5432}]
                """, Endpoints.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.readyAddresses()).extracting(EndpointAddress::ip).containsExactly("10.244.1.7");
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void subsetsNeedAddressesAndPorts() {
        Endpoints empty = Endpoints.named("db").subset(new EndpointSubset(null, null, null)).build();

        assertThat(errors(empty)).containsExactly(
                "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
                "subsets[0].ports: Required value");
    }

    @Test
    void addressesMustBeIPs() {
        Endpoints bad = Endpoints.named("db").subset(EndpointSubset.of(
                List.of(EndpointAddress.of("db.example.com"), EndpointAddress.of("fd00::7")),
                List.of(EndpointPort.of(5432).withProtocol("TCP")))).build();

        assertThat(errors(bad)).containsExactly("subsets[0].addresses[0].ip: Invalid value: \"db.example.com\": "
                + "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @Test
    void severalPortsNeedUniqueNames() {
        Endpoints bad = Endpoints.named("db").subset(EndpointSubset.of(List.of(EndpointAddress.of("10.0.0.1")),
                List.of(EndpointPort.named("a", 1), EndpointPort.named("a", 2), EndpointPort.of(3)))).build();

        assertThat(errors(bad)).containsExactly("subsets[0].ports[2].name: Required value",
                "subsets[0].ports[1].name: Duplicate value: \"a\"");
    }
}
