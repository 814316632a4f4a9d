package io.flotilla.core.controllers.job;

import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.batch.JobStatus;
import io.flotilla.api.controller.Reconciler;
import io.flotilla.api.controller.Request;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.core.apiserver.DeleteOptions;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.Lister;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.controllers.support.PodClaims;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reconciles one Job: a finished Job only waits for its TTL; otherwise its pods are claimed, one {@link JobSync}
 * pass creates or deletes pods and decides the conditions, and the status is written. Thread-safe: per-key state
 * lives in {@link Expectations}.
 */
final class JobReconciler implements Reconciler {
    private final Client client;
    private final Lister<Job> jobs;
    private final Lister<Pod> pods;
    private final JobSync.Tools tools;

    JobReconciler(Client client, Lister<Job> jobs, Lister<Pod> pods, Clock clock, EventRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.pods = Objects.requireNonNull(pods, "pods");
        this.tools = new JobSync.Tools(client, clock, recorder, new Expectations(clock));
    }

    @Override
    public Result reconcile(Request request) {
        String key = request.toString();
        Job job = jobs.get(request.namespace(), request.name()).orElse(null);
        if (job == null || job.spec() == null) {
            tools.expectations().forget(key);
            return Result.done();
        }
        if (job.status() != null && job.status().isFinished()) {
            return expireAfterTtl(job, job.status());
        }
        if (job.metadata().isDeleting() || !tools.expectations().satisfied(key, request.namespace(), pods)) {
            return Result.done();
        }
        List<Pod> owned = PodClaims.claim(job, job.spec().selector(), pods.list(request.namespace()), p -> true,
                client.pods());
        JobSync sync = new JobSync(tools, key, job, owned);
        Result result = sync.run();
        JobStatus status = sync.status();
        if (!status.equals(job.status())) {
            try {
                client.jobs().inNamespace(request.namespace()).updateStatus(request.name(), j -> j.withStatus(status));
            } catch (StoreException.NotFound gone) {
                return Result.done();
            }
        }
        return status.isFinished() ? expireAfterTtl(job, status) : result;
    }

    /** Kubernetes' TTL-after-finished: deletes the Job (foreground) once its TTL has passed since it finished. */
    private Result expireAfterTtl(Job job, JobStatus status) {
        Integer ttl = job.spec().ttlSecondsAfterFinished();
        if (ttl == null || job.metadata().isDeleting()) {
            return Result.done();
        }
        Instant finished = status.completionTime();
        if (finished == null) {
            finished = status.conditions().stream().filter(JobCondition::isTrue)
                    .filter(c -> JobCondition.COMPLETE.equals(c.type()) || JobCondition.FAILED.equals(c.type()))
                    .map(JobCondition::lastTransitionTime).filter(Objects::nonNull).findFirst()
                    .orElse(tools.clock().now());
        }
        Instant expireAt = finished.plusSeconds(ttl);
        Instant now = tools.clock().now();
        if (now.isBefore(expireAt)) {
            return Result.requeueAfter(Duration.between(now, expireAt));
        }
        try {
            client.jobs().inNamespace(job.metadata().namespace()).delete(job.metadata().name(),
                    DeleteOptions.foreground());
        } catch (StoreException.NotFound gone) {
            // already gone
        }
        return Result.done();
    }
}
