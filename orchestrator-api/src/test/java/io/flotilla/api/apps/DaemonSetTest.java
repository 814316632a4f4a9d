package io.flotilla.api.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.Toleration;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DaemonSet: builder equals YAML, and a rolling update has exactly one non-zero bound. */
class DaemonSetTest {
    private static final String YAML = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-exporter
            spec:
              selector:
                matchLabels:
                  app: node-exporter
              template:
                metadata:
                  labels:
                    app: node-exporter
                spec:
                  containers:
                    - name: exporter
                      image: prom/node-exporter:v1.8.2
                  tolerations:
                    - key: node-role.kubernetes.io/control-plane
                      operator: Exists
              updateStrategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 0
                  maxSurge: 1
            """;

    private static List<String> errors(DaemonSet ds) {
        ValidationErrors errors = new ValidationErrors();
        DaemonSet.TYPE.validator().validate(ds, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static DaemonSet.Builder exporter() {
        return DaemonSet.named("node-exporter").container("exporter", c -> c.image("prom/node-exporter:v1.8.2"));
    }

    @Test
    void builderEqualsYaml() {
        DaemonSet built = exporter()
                .toleration(Toleration.exists("node-role.kubernetes.io/control-plane"))
                .rollingUpdate(Rollout.maxSurge(1))
                .build();

        assertThat(built).isEqualTo(Manifests.strict().readOne(YAML, DaemonSet.class));
        assertThat(errors(built)).isEmpty();
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Test
    void exactlyOneBoundIsNonZero() {
        DaemonSet both = exporter().updateStrategy(new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ROLLING_UPDATE,
                new RollingUpdateDaemonSet(IntOrString.of(1), IntOrString.of("10%")))).build();
        DaemonSet neither = exporter().updateStrategy(new DaemonSetUpdateStrategy(
                DaemonSetUpdateStrategy.ROLLING_UPDATE, new RollingUpdateDaemonSet(IntOrString.of("0%"), null)))
                .build();

        assertThat(errors(both)).containsExactly(
                "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 10%: may not be set when maxUnavailable "
                        + "is non-zero");
        assertThat(errors(neither)).containsExactly(
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0");
        assertThat(errors(exporter().rollingUpdate(Rollout.maxUnavailable("10%")).build())).isEmpty();
        assertThat(errors(exporter().onDelete().build())).isEmpty();
    }

    @Test
    void templateMustRestartAlwaysAndSelectorIsRequired() {
        DaemonSet ds = exporter().restartPolicy(PodSpec.RESTART_ON_FAILURE).build();
        DaemonSet noSelector = ds.withSpec(new DaemonSetSpec(null, ds.spec().template(), null, null, null));

        assertThat(errors(noSelector)).containsExactly("spec.selector: Required value",
                "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"");
    }
}
