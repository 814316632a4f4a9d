package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service: the builder DSL matches YAML, and validation follows Kubernetes' rules and wording. */
class ServiceTest {

    private static List<String> errors(Service.Builder service) {
        ValidationErrors errors = new ValidationErrors();
        Service.TYPE.validator().validate(service.build(), errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void northStarServiceEqualsItsYaml() {
        Service built = Service.named("web").selector("app", "web").port(80).nodePort().build();
        Service loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                    - port: 80
                  type: NodePort
                """, Service.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(errors(built.toBuilder())).isEmpty();
    }

    @Test
    void builderCoversNamedPortsNodePortsAndAffinity() {
        Service built = Service.named("api").namespace("shop").selector("app", "api")
                .port("http", 80, "http").port("grpc", 9090, 9090).nodePort(30090)
                .clientIPAffinity(600).build();
        Service loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec:
                  type: NodePort
                  selector: {app: api}
                  ports:
                    - {name: http, port: 80, targetPort: http}
                    - {name: grpc, port: 9090, targetPort: 9090, nodePort: 30090}
                  sessionAffinity: ClientIP
                  sessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}
                """, Service.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Test
    void headlessExternalNameAndLoadBalancerShortcuts() {
        ServiceSpec headless = Service.named("db").headless().selector("app", "db").port(5432).build().spec();
        assertThat(headless.isHeadless()).isTrue();
        assertThat(headless.clusterIP()).isEqualTo("None");

        ServiceSpec external = Service.named("payments").externalName("payments.example.com").build().spec();
        assertThat(external.type()).isEqualTo(ServiceSpec.TYPE_EXTERNAL_NAME);
        assertThat(external.externalName()).isEqualTo("payments.example.com");

        ServiceSpec lb = Service.named("gw").selector("app", "gw").port(443, 8443).loadBalancer().build().spec();
        assertThat(lb.type()).isEqualTo(ServiceSpec.TYPE_LOAD_BALANCER);
        assertThat(lb.usesNodePorts()).isTrue();
        assertThat(lb.ports().getFirst().effectiveTargetPort()).isEqualTo(IntOrString.of(8443));
        assertThat(lb.ports().getFirst().effectiveProtocol()).isEqualTo("TCP");
    }

    @Test
    void nodePortNeedsAPortFirst() {
        assertThatThrownBy(() -> Service.named("web").nodePort(30080))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("add a port");
    }

    @Test
    void portRulesUseKubernetesWording() {
        assertThat(errors(Service.named("web").selector("app", "web").port(70000)))
                .containsExactly("spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive");
        assertThat(errors(Service.named("web").selector("app", "web").port(80).port(443)))
                .containsExactly("spec.ports[0].name: Required value", "spec.ports[1].name: Required value");
        assertThat(errors(Service.named("web").selector("app", "web").port("http", 80, 8080).port("http", 81, 8081)))
                .containsExactly("spec.ports[1].name: Duplicate value: \"http\"");
        assertThat(errors(Service.named("web").selector("app", "web").port(ServicePort.of(80).withNodePort(30080))))
                .containsExactly("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
        assertThat(errors(Service.named("web").selector("app", "web").port("http", 80, "Not_A_Name")))
                .singleElement().asString().startsWith("spec.ports[0].targetPort: Invalid value: \"Not_A_Name\"");
    }

    @Test
    void samePortWithAnotherProtocolIsAllowed() {
        assertThat(errors(Service.named("dns").selector("app", "dns")
                .port(ServicePort.named("dns", 53, 53)).port(ServicePort.named("dns-tcp", 53, 53).withProtocol("UDP"))))
                .isEmpty();
        assertThat(errors(Service.named("dns").selector("app", "dns")
                .port(ServicePort.named("a", 53, 53)).port(ServicePort.named("b", 53, 53).withProtocol("TCP"))))
                .containsExactly("spec.ports[1]: Duplicate value: \"53/TCP\"");
    }

    @Test
    void portsAreRequiredExceptForHeadlessAndExternalName() {
        assertThat(errors(Service.named("web").selector("app", "web"))).containsExactly("spec.ports: Required value");
        assertThat(errors(Service.named("web").headless().selector("app", "web"))).isEmpty();
        assertThat(errors(Service.named("ext").externalName("db.example.com."))).isEmpty();
    }

    @Test
    void externalNameRules() {
        assertThat(errors(Service.named("ext").type(ServiceSpec.TYPE_EXTERNAL_NAME)))
                .containsExactly("spec.externalName: Required value");
        assertThat(errors(Service.named("ext").externalName("db.example.com").clusterIP("10.0.0.1")))
                .containsExactly("spec.clusterIP: Forbidden: may not be set for ExternalName services");
    }

    @Test
    void headlessIsNotAllowedForNodePortsAndIPsMustParse() {
        assertThat(errors(Service.named("web").headless().selector("app", "web").port(80).nodePort()))
                .containsExactly("spec.clusterIP: Invalid value: \"None\": may not be set to 'None' for NodePort "
                        + "services");
        assertThat(errors(Service.named("web").selector("app", "web").port(80).clusterIP("10.0.0.256")))
                .singleElement().asString().startsWith("spec.clusterIP: Invalid value: \"10.0.0.256\"");
        assertThat(errors(Service.named("web").selector("app", "web").port(80).clusterIP("fd00::1")
                .externalIP("2001:db8::7").externalIP("192.0.2.1").externalIP("::ffff:192.0.2.2"))).isEmpty();
        assertThat(errors(Service.named("web").selector("app", "web").port(80).externalIP("example.com")))
                .containsExactly("spec.externalIPs[0]: Invalid value: \"example.com\": must be a valid IP address, "
                        + "(e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @Test
    void namesMustStartWithALetterAndAffinityMustBeKnown() {
        assertThat(errors(Service.named("1web").selector("app", "web").port(80)))
                .singleElement().asString().startsWith("metadata.name: Invalid value: \"1web\": a DNS-1035 label");
        assertThat(errors(Service.named("web").selector("app", "web").port(80).sessionAffinity("Sticky")))
                .containsExactly("spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: "
                        + "\"ClientIP\", \"None\"");
        assertThat(errors(Service.named("web").selector("app", "web").port(80).clientIPAffinity(0)))
                .containsExactly("spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: "
                        + "must be greater than 0 and less than or equal to 86400");
    }

    @Test
    void externalTrafficPolicyOnlyForExternallyReachableServices() {
        assertThat(errors(Service.named("web").selector("app", "web").port(80).externalTrafficPolicy("Local")))
                .containsExactly("spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for "
                        + "externally-accessible services");
        assertThat(errors(Service.named("web").selector("app", "web").port(80).nodePort()
                .externalTrafficPolicy("Local"))).isEmpty();
    }
}
