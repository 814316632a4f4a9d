package io.flotilla.api.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StatefulSet: builder equals YAML, claim templates, update strategy and validation. */
class StatefulSetTest {
    private static final String DB_YAML = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                    - name: postgres
                      image: postgres:16
                      ports:
                        - containerPort: 5432
              volumeClaimTemplates:
                - metadata:
                    name: data
                  spec:
                    accessModes: ["ReadWriteOnce"]
                    resources:
                      requests:
                        storage: 10Gi
              serviceName: db
              podManagementPolicy: Parallel
              updateStrategy:
                type: RollingUpdate
                rollingUpdate:
                  partition: 2
            """;

    private static List<String> errors(StatefulSet set) {
        ValidationErrors errors = new ValidationErrors();
        StatefulSet.TYPE.validator().validate(set, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static StatefulSet.Builder db() {
        return StatefulSet.named("db").serviceName("db").container("postgres", c -> c.image("postgres:16"));
    }

    @Test
    void builderEqualsYaml() {
        StatefulSet built = StatefulSet.named("db")
                .serviceName("db")
                .replicas(3)
                .parallel()
                .partition(2)
                .container("postgres", c -> c.image("postgres:16").port(5432))
                .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("10Gi"))
                .build();

        assertThat(built).isEqualTo(Manifests.strict().readOne(DB_YAML, StatefulSet.class));
        assertThat(errors(built)).isEmpty();
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Test
    void claimTemplateOfTheSameNameIsReplaced() {
        StatefulSet set = db().volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("1Gi"))
                .volumeClaimTemplate(PersistentVolumeClaim.named("data").readWriteOnce().storage("5Gi").build())
                .build();

        assertThat(set.spec().volumeClaimTemplates()).hasSize(1);
        assertThat(set.spec().volumeClaimTemplates().get(0).spec().resources().requests().get("storage"))
                .hasToString("5Gi");
    }

    @Test
    void partitionAndMaxUnavailableCombine() {
        StatefulSet set = db().maxUnavailable(Rollout.maxUnavailable(2)).partition(1).build();

        assertThat(set.spec().updateStrategy().rollingUpdate())
                .isEqualTo(new RollingUpdateStatefulSetStrategy(1, io.flotilla.api.meta.IntOrString.of(2)));
        assertThat(db().onDelete().build().spec().updateStrategy())
                .isEqualTo(new StatefulSetUpdateStrategy(StatefulSetUpdateStrategy.ON_DELETE, null));
    }

    @Test
    void policyStrategyAndPartitionRules() {
        StatefulSet bad = db().podManagementPolicy("Random").partition(-1)
                .maxUnavailable(Rollout.maxUnavailable(0)).build();

        assertThat(errors(bad)).containsExactly(
                "spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
                "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0");
        StatefulSet onDeleteWithBounds = db().updateStrategy(new StatefulSetUpdateStrategy(
                StatefulSetUpdateStrategy.ON_DELETE, new RollingUpdateStatefulSetStrategy(1, null))).build();
        assertThat(errors(onDeleteWithBounds)).containsExactly(
                "spec.updateStrategy.rollingUpdate: Invalid value: only allowed for updateStrategy 'RollingUpdate'");
    }

    @Test
    void claimTemplateNamesAreUniqueAndClaimsValidatedInPlace() {
        StatefulSet set = db().volumeClaimTemplate(PersistentVolumeClaim.named("data").readWriteOnce()
                        .storage("1Gi").build())
                .build();
        StatefulSet twice = set.withSpec(new StatefulSetSpec(null, set.spec().selector(), set.spec().template(),
                List.of(set.spec().volumeClaimTemplates().get(0), set.spec().volumeClaimTemplates().get(0)), "db",
                null, null, null, null, null, null));

        assertThat(errors(twice)).containsExactly("spec.volumeClaimTemplates[1].metadata.name: Duplicate value: \"data\"");
        StatefulSet noAccessMode = db().volumeClaimTemplate("data", pvc -> pvc.storage("1Gi")).build();
        assertThat(errors(noAccessMode)).singleElement().asString()
                .startsWith("spec.volumeClaimTemplates[0].spec.accessModes: Required value");
    }

    @Test
    void containersMayMountClaimTemplates() {
        StatefulSet mounted = db().container("postgres", c -> c.mount("data", "/var/lib/postgresql/data"))
                .volumeClaimTemplate("data", pvc -> pvc.readWriteOnce().storage("1Gi")).build();
        StatefulSet unknown = mounted.toBuilder().container("postgres", c -> c.mount("logs", "/logs")).build();

        assertThat(errors(mounted)).isEmpty();
        assertThat(errors(unknown)).singleElement().asString()
                .startsWith("spec.template.spec.containers[0].volumeMounts[1].name: Not found: \"logs\"");
    }

    @Test
    void serviceNameAndRetentionPolicy() {
        StatefulSet set = db().serviceName("DB").persistentVolumeClaimRetention("Retain", "Keep").build();

        assertThat(errors(set)).containsExactly(
                "spec.serviceName: Invalid value: \"DB\": a lowercase RFC 1123 label must consist of lower case "
                        + "alphanumeric characters or '-', and must start and end with an alphanumeric character "
                        + "(e.g. 'my-name', or '123-abc')",
                "spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: \"Keep\": supported "
                        + "values: \"Retain\", \"Delete\"");
    }
}
