package io.flotilla.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CronJob: builder equals YAML, schedule, time zone and job template rules. */
class CronJobTest {

    private static List<String> errors(CronJob cronJob) {
        ValidationErrors errors = new ValidationErrors();
        CronJob.TYPE.validator().validate(cronJob, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static CronJob.Builder report() {
        return CronJob.named("report").schedule("30 2 * * *")
                .job(j -> j.container("report", c -> c.image("example.com/report:1.4")));
    }

    @Test
    void builderEqualsYaml() {
        CronJob built = CronJob.named("report")
                .schedule("*/5 * * * *")
                .timeZone("Europe/Paris")
                .concurrencyPolicy(CronJobSpec.FORBID)
                .successfulJobsHistoryLimit(3)
                .job(j -> j.label("team", "data")
                        .container("report", c -> c.image("example.com/report:1.4"))
                        .backoffLimit(1))
                .build();
        CronJob yaml = Manifests.strict().readOne("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "*/5 * * * *"
                  timeZone: Europe/Paris
                  concurrencyPolicy: Forbid
                  jobTemplate:
                    metadata:
                      labels:
                        team: data
                    spec:
                      backoffLimit: 1
                      template:
                        metadata:
                          labels:
                            app: report
                        spec:
                          restartPolicy: Never
                          containers:
                            - name: report
                              image: example.com/report:1.4
                  successfulJobsHistoryLimit: 3
                """, CronJob.class);

        assertThat(built).isEqualTo(yaml);
        assertThat(errors(built)).isEmpty();
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Test
    void jobEditsAccumulate() {
        CronJob cronJob = report().job(j -> j.backoffLimit(0)).build();

        assertThat(cronJob.spec().jobTemplate().spec().backoffLimit()).isZero();
        assertThat(cronJob.spec().jobTemplate().spec().template().spec().containers()).hasSize(1);
        assertThat(cronJob.spec().jobTemplate().metadata().name()).isNull();
    }

    @Test
    void scheduleMustBeAFiveFieldCronExpression() {
        assertThat(errors(report().schedule("61 * * * *").build())).containsExactly(
                "spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61");
        assertThat(errors(report().schedule("* * * *").build())).containsExactly(
                "spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found 4: * * * *");
        assertThat(errors(report().schedule("TZ=UTC 0 * * * *").build())).containsExactly(
                "spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use "
                        + "timeZone field instead");
        assertThat(errors(report().schedule(null).build())).containsExactly("spec.schedule: Required value");
        assertThat(errors(report().schedule("@hourly").build())).isEmpty();
    }

    @Test
    void policiesLimitsAndTimeZone() {
        CronJob bad = report().concurrencyPolicy("Sometimes").startingDeadlineSeconds(-1L)
                .failedJobsHistoryLimit(-1).timeZone("Mars/Olympus").build();

        assertThat(errors(bad)).containsExactly(
                "spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
                "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", "
                        + "\"Replace\"",
                "spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
                "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus");
        assertThat(errors(report().timeZone("UTC").build())).isEmpty();
        assertThat(errors(report().timeZone("Local").build())).hasSize(1);
        assertThat(errors(report().timeZone("").build())).hasSize(1);
    }

    @Test
    void jobTemplateSelectorIsAlwaysGenerated() {
        CronJob cronJob = report().job(j -> j.selector(LabelSelector.matchLabel("app", "report"))).build();

        assertThat(errors(cronJob)).containsExactly(
                "spec.jobTemplate.spec.selector: Invalid value: \"app=report\": `selector` will be auto-generated");
        CronJob manual = report().job(j -> j.manualSelector(true)).build();
        assertThat(errors(manual)).contains(
                "spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\"");
    }

    @Test
    void nameLeavesRoomForTheJobSuffix() {
        String name = "a".repeat(53);
        assertThat(errors(CronJob.named(name).schedule("@daily")
                .job(j -> j.podLabel("app", "x").container("c", c -> c.image("busybox"))).build()))
                .containsExactly("metadata.name: Invalid value: \"" + name + "\": must be no more than 52 characters");
    }
}
