package io.flotilla.api.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.Quantity;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HorizontalPodAutoscaler: builder equals YAML, replica bounds, metrics and behavior rules. */
class HorizontalPodAutoscalerTest {

    private static List<String> errors(HorizontalPodAutoscaler hpa) {
        ValidationErrors errors = new ValidationErrors();
        HorizontalPodAutoscaler.TYPE.validator().validate(hpa, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static HorizontalPodAutoscaler.Builder web() {
        return HorizontalPodAutoscaler.named("web").target(Deployment.TYPE, "web").maxReplicas(10);
    }

    @Test
    void builderEqualsYaml() {
        HorizontalPodAutoscaler built = HorizontalPodAutoscaler.named("web")
                .target(Deployment.named("web").container("c", c -> c.image("nginx")).build())
                .minReplicas(1).maxReplicas(10)
                .cpuUtilization(70)
                .memoryAverageValue("512Mi")
                .scaleDown(new ScalingRules(300, null, List.of(ScalingPolicy.percent(10, 60))))
                .build();
        HorizontalPodAutoscaler yaml = Manifests.strict().readOne("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 1
                  maxReplicas: 10
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target:
                          type: Utilization
                          averageUtilization: 70
                    - type: Resource
                      resource:
                        name: memory
                        target:
                          type: AverageValue
                          averageValue: 512Mi
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                      policies:
                        - type: Percent
                          value: 10
                          periodSeconds: 60
                """, HorizontalPodAutoscaler.class);

        assertThat(built).isEqualTo(yaml);
        assertThat(errors(built)).isEmpty();
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Test
    void replicaBounds() {
        assertThat(errors(web().minReplicas(0).build())).containsExactly(
                "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1");
        assertThat(errors(web().minReplicas(11).build())).containsExactly(
                "spec.maxReplicas: Invalid value: 10: must be greater than or equal to `minReplicas`");
        assertThat(errors(web().maxReplicas(null).build())).containsExactly("spec.maxReplicas: Required value");
        assertThat(errors(web().maxReplicas(0).build())).containsExactly(
                "spec.maxReplicas: Invalid value: 0: must be greater than 0");
    }

    @Test
    void targetNeedsKindAndName() {
        assertThat(errors(web().scaleTargetRef(new CrossVersionObjectReference("apps/v1", null, "")).build()))
                .containsExactly("spec.scaleTargetRef.kind: Required value", "spec.scaleTargetRef.name: Required value");
    }

    @Test
    void metricTargets() {
        MetricSpec both = MetricSpec.resource("cpu",
                new MetricTarget(MetricTarget.UTILIZATION, null, Quantity.parse("1"), 50));
        MetricSpec none = MetricSpec.resource("memory", new MetricTarget(MetricTarget.UTILIZATION, null, null, null));
        MetricSpec gpu = MetricSpec.resource("gpu", MetricTarget.utilization(0));

        assertThat(errors(web().metric(both).metric(none).metric(gpu).build())).containsExactly(
                "spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a "
                        + "target utilization",
                "spec.metrics[1].resource.target.averageUtilization: Required value: must set either a target raw "
                        + "value or a target utilization",
                "spec.metrics[2].resource.name: Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\"",
                "spec.metrics[2].resource.target.averageUtilization: Invalid value: 0: must be greater than 0");
    }

    @Test
    void metricSourceMustMatchItsType() {
        MetricSpec missing = new MetricSpec(MetricSpec.RESOURCE, null, null);
        MetricSpec pods = new MetricSpec("Pods", null, null);

        assertThat(errors(web().metric(missing).metric(pods).build())).containsExactly(
                "spec.metrics[0].resource: Required value: must populate information for the given metric source",
                "spec.metrics[1].type: Unsupported value: \"Pods\": supported values: \"ContainerResource\", "
                        + "\"Resource\"");
    }

    @Test
    void behaviorRules() {
        ScalingRules bad = new ScalingRules(4000, "Median", List.of(new ScalingPolicy("Nodes", 0, 1801)));

        assertThat(errors(web().scaleUp(bad).scaleDown(new ScalingRules(null, null, null)).build())).containsExactly(
                "spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal "
                        + "to 3600",
                "spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Median\": supported values: \"Max\", "
                        + "\"Min\", \"Disabled\"",
                "spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Nodes\": supported values: \"Pods\", "
                        + "\"Percent\"",
                "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than 0",
                "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to "
                        + "1800",
                "spec.behavior.scaleDown.policies: Required value: must specify at least one Policy");
    }
}
