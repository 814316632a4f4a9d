package io.flotilla.core.controllers.cronjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.api.batch.CronJob;
import io.flotilla.api.batch.Job;
import io.flotilla.api.core.Pod;
import io.flotilla.core.Cluster;
import io.flotilla.core.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End to end through {@link Cluster}: the registered CronJob and Job controllers turn a schedule into pods. */
class CronJobClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final VirtualClock clock = VirtualClock.create();
    private final Cluster cluster = Cluster.builder().id("cron-e2e").clock(clock).start();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aScheduleTimeCreatesAJobWhichCreatesItsPod() {
        cluster.apply(CronJob.named("report").schedule("*/5 * * * *")
                .job(j -> j.container("report", c -> c.image("busybox:1.36"))));
        // past the requeue the controller asks for (the schedule time plus Kubernetes' 100 ms delta)
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        String job = "report-" + clock.now().getEpochSecond() / 60;
        await().atMost(WAIT).until(() -> cluster.client().jobs().inNamespace("default").get(job).isPresent());
        await().atMost(WAIT).until(() -> cluster.client().pods().inNamespace("default").list().stream()
                .anyMatch(p -> p.metadata().name().startsWith(job + "-")));
        Job created = cluster.client().jobs().inNamespace("default").get(job).orElseThrow();
        Pod pod = cluster.client().pods().inNamespace("default").list().get(0);
        assertThat(pod.metadata().controllerReference()).hasValueSatisfying(r ->
                assertThat(r.uid()).isEqualTo(created.metadata().uid()));
        await().atMost(WAIT).until(() -> {
            CronJob cron = cluster.client().cronJobs().inNamespace("default").get("report").orElseThrow();
            return cron.status() != null && Instant.parse("2025-01-01T00:05:00Z").equals(
                    cron.status().lastScheduleTime());
        });
    }
}
