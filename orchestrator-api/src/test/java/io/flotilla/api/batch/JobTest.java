package io.flotilla.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.core.PodSpec;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Job: builder equals YAML (no selector, restartPolicy Never by default), and Kubernetes' Job rules. */
class JobTest {

    static List<String> errors(Job job) {
        ValidationErrors errors = new ValidationErrors();
        Job.TYPE.validator().validate(job, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static Job.Builder migrate() {
        return Job.named("migrate").container("migrate", c -> c.image("flyway/flyway:10"));
    }

    @Test
    void builderEqualsYaml() {
        Job built = Job.named("migrate")
                .container("migrate", c -> c.image("flyway/flyway:10").args("migrate"))
                .backoffLimit(2)
                .activeDeadlineSeconds(600L)
                .ttlSecondsAfterFinished(3600)
                .build();
        Job yaml = Manifests.strict().readOne("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  activeDeadlineSeconds: 600
                  backoffLimit: 2
                  ttlSecondsAfterFinished: 3600
                  template:
                    metadata:
                      labels:
                        app: migrate
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: flyway/flyway:10
                          args: ["migrate"]
                """, Job.class);

        assertThat(built).isEqualTo(yaml);
        assertThat(built.spec().selector()).isNull();
        assertThat(errors(built)).isEmpty();
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Test
    void explicitRestartPolicyIsKept() {
        Job job = migrate().restartPolicy(PodSpec.RESTART_ON_FAILURE).build();

        assertThat(job.spec().template().spec().restartPolicy()).isEqualTo("OnFailure");
    }

    @Test
    void restartPolicyMustBeOnFailureOrNever() {
        assertThat(errors(migrate().restartPolicy(PodSpec.RESTART_ALWAYS).build())).containsExactly(
                "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", "
                        + "\"Never\"");
        Job job = migrate().build();
        Job unset = job.withSpec(new JobSpec(null, null, null, null, null, null,
                job.spec().template().withSpec(job.spec().template().spec().toBuilder().restartPolicy(null).build()),
                null, null, null));
        assertThat(errors(unset)).containsExactly(
                "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
    }

    @Test
    void countsAndDeadlines() {
        Job job = migrate().parallelism(-1).completions(-1).activeDeadlineSeconds(0L).backoffLimit(-1)
                .ttlSecondsAfterFinished(-1).build();

        assertThat(errors(job)).containsExactly(
                "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                "spec.completions: Invalid value: -1: must be greater than or equal to 0",
                "spec.activeDeadlineSeconds: Invalid value: 0: must be greater than 0",
                "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
                "spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void completionMode() {
        assertThat(errors(migrate().indexed(5).build())).isEmpty();
        assertThat(errors(migrate().completionMode(JobSpec.INDEXED).build()))
                .containsExactly("spec.completions: Required value: when completion mode is Indexed");
        assertThat(errors(migrate().completionMode("Ordered").build())).containsExactly(
                "spec.completionMode: Unsupported value: \"Ordered\": supported values: \"NonIndexed\", \"Indexed\"");
    }

    @Test
    void selectorIsGeneratedUnlessManual() {
        Job handWritten = migrate().selector("app", "migrate").build();
        assertThat(errors(handWritten)).containsExactly(
                "spec.selector: Invalid value: \"app=migrate\": `selector` not auto-generated");
        assertThat(errors(handWritten.toBuilder().manualSelector(true).build())).isEmpty();

        Job manualWithout = migrate().manualSelector(true).build();
        assertThat(errors(manualWithout)).containsExactly("spec.selector: Required value");

        Job generated = migrate().selector(LabelSelector.matchLabel(JobValidation.CONTROLLER_UID_LABEL, "u-1"))
                .podLabel(JobValidation.CONTROLLER_UID_LABEL, "u-1").build()
                .withMetadata(ObjectMeta.builder().name("migrate").uid("u-1").build());
        assertThat(errors(generated)).isEmpty();
    }

    @Test
    void manualSelectorMustMatchTemplate() {
        Job job = migrate().manualSelector(true).selector("app", "other").build();

        assertThat(errors(job)).containsExactly(
                "spec.template.metadata.labels: Invalid value: {app=migrate}: `selector` does not match template "
                        + "`labels`");
    }
}
