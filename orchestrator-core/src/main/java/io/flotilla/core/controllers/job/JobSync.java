package io.flotilla.core.controllers.job;

import io.flotilla.api.batch.Job;
import io.flotilla.api.batch.JobCondition;
import io.flotilla.api.batch.JobSpec;
import io.flotilla.api.batch.JobStatus;
import io.flotilla.api.controller.Result;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodStatus;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.controllers.support.Pods;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/*
 * Design notes: one pass of Kubernetes' syncJob. Counts come from the pods (succeeded and failed never go below
 * what the status already says); then, in order: suspend (delete active pods), failure (backoff limit, deadline:
 * delete active pods, Failed), completion (Complete, delete leftovers), and otherwise converge the active pods on
 * what parallelism and the remaining completions allow, creating new ones only after the failure backoff.
 */

/** One reconcile pass over one unfinished Job; not thread-safe, used once. */
final class JobSync {
    /** What a pass needs besides the Job and its pods. */
    record Tools(Client client, Clock clock, EventRecorder recorder, Expectations expectations) {
    }

    /** Kubernetes' DefaultJobPodFailureBackOff. */
    static final Duration BACKOFF_BASE = Duration.ofSeconds(10);
    /** The longest backoff, as documented by Kubernetes ("capped at six minutes"). */
    static final Duration BACKOFF_MAX = Duration.ofMinutes(6);

    private final Tools tools;
    private final String key;
    private final Job job;
    private final JobSpec spec;
    private final Instant now;
    private final boolean indexed;
    private final List<Pod> active = new ArrayList<>();
    private final List<Pod> succeededPods = new ArrayList<>();
    private final List<Pod> failedPods = new ArrayList<>();
    private final List<JobCondition> conditions;
    private final BitSet completed;
    private Instant startTime;
    private Instant completionTime;
    private int succeeded;
    private int failed;

    JobSync(Tools tools, String key, Job job, List<Pod> pods) {
        this.tools = tools;
        this.key = key;
        this.job = job;
        this.spec = job.spec();
        this.now = tools.clock().now();
        this.indexed = JobSpec.INDEXED.equals(spec.completionMode());
        JobStatus old = job.status();
        for (Pod pod : pods) {
            if (PodStatus.SUCCEEDED.equals(pod.phase())) {
                succeededPods.add(pod);
            } else if (PodStatus.FAILED.equals(pod.phase())) {
                failedPods.add(pod);
            } else if (!pod.metadata().isDeleting()) {
                active.add(pod);
            }
        }
        this.conditions = new ArrayList<>(old == null ? List.of() : old.conditions());
        this.startTime = old == null ? null : old.startTime();
        this.completed = Indexes.parse(old == null ? null : old.completedIndexes());
        int completions = spec.completions() == null ? Integer.MAX_VALUE : spec.completions();
        succeededPods.stream().mapToInt(JobPods::index).filter(i -> i >= 0 && i < completions)
                .forEach(completed::set);
        int oldSucceeded = old == null || old.succeeded() == null ? 0 : old.succeeded();
        int oldFailed = old == null || old.failed() == null ? 0 : old.failed();
        this.succeeded = indexed ? completed.cardinality() : Math.max(oldSucceeded, succeededPods.size());
        this.failed = Math.max(oldFailed, failedPods.size());
    }

    /** Runs the pass. */
    Result run() {
        if (spec.isSuspended()) {
            suspend();
            return Result.done();
        }
        resumeIfSuspended();
        if (startTime == null) {
            startTime = now;
        }
        String failure = failureReason();
        if (failure != null) {
            deleteAll(active);
            String message = failure.equals("DeadlineExceeded") ? "Job was active longer than specified deadline"
                    : "Job has reached the specified backoff limit";
            setCondition("FailureTarget", failure, message);
            setCondition(JobCondition.FAILED, failure, message);
            tools.recorder().warning(job, failure, message);
            return Result.done();
        }
        if (isComplete()) {
            deleteAll(active);
            completionTime = now;
            setCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods");
            setCondition(JobCondition.COMPLETE, "CompletionsReached", "Reached expected number of succeeded pods");
            tools.recorder().normal(job, "Completed", "Job completed");
            return Result.done();
        }
        Result result = manageActive();
        return earliest(result, deadlineCheck());
    }

    /** The status after the pass. */
    JobStatus status() {
        int ready = (int) active.stream().filter(Pod::isReady).count();
        return new JobStatus(conditions, startTime, completionTime, active.size(), succeeded, failed,
                indexed ? Indexes.format(completed) : null, ready);
    }

    private void suspend() {
        deleteAll(active);
        if (!isTrue(JobCondition.SUSPENDED)) {
            setCondition(JobCondition.SUSPENDED, "JobSuspended", "Job suspended");
            tools.recorder().normal(job, "Suspended", "Job suspended");
        }
    }

    private void resumeIfSuspended() {
        if (isTrue(JobCondition.SUSPENDED)) {
            conditions.replaceAll(c -> JobCondition.SUSPENDED.equals(c.type())
                    ? new JobCondition(c.type(), "False", now, now, "JobResumed", "Job resumed") : c);
            startTime = now;
            tools.recorder().normal(job, "Resumed", "Job resumed");
        }
    }

    private String failureReason() {
        int limit = spec.backoffLimit() == null ? JobSpec.DEFAULT_BACKOFF_LIMIT : spec.backoffLimit();
        if (failed > limit) {
            return "BackoffLimitExceeded";
        }
        if (PodSpec.RESTART_ON_FAILURE.equals(spec.template().spec().restartPolicy())) {
            int restarts = active.stream().mapToInt(JobPods::restarts).sum();
            if (limit == 0 ? restarts > 0 : restarts >= limit) {
                return "BackoffLimitExceeded";
            }
        }
        Long deadline = spec.activeDeadlineSeconds();
        if (deadline != null && !now.isBefore(startTime.plusSeconds(deadline))) {
            return "DeadlineExceeded";
        }
        return null;
    }

    private boolean isComplete() {
        if (indexed) {
            return spec.completions() != null && completed.cardinality() >= spec.completions();
        }
        if (spec.completions() == null) {
            return succeeded > 0 && active.isEmpty();
        }
        return succeeded >= spec.completions();
    }

    /** How many pods should run now. */
    private int wantedActive() {
        int parallelism = spec.parallelism() == null ? 1 : spec.parallelism();
        if (spec.completions() == null) {
            return succeeded > 0 ? active.size() : parallelism;
        }
        int remaining = indexed ? spec.completions() - completed.cardinality() : spec.completions() - succeeded;
        return Math.max(0, Math.min(parallelism, remaining));
    }

    private Result manageActive() {
        int want = wantedActive();
        if (active.size() > want) {
            List<Pod> ranked = new ArrayList<>(active);
            ranked.sort(Comparator.comparing((Pod p) -> p.isReady())
                    .thenComparing(p -> p.metadata().creationTimestamp(), Comparator.reverseOrder()));
            deleteAll(ranked.subList(0, active.size() - want));
            return Result.done();
        }
        if (active.size() == want) {
            return Result.done();
        }
        Duration wait = backoffRemaining();
        if (!wait.isZero()) {
            return Result.requeueAfter(wait);
        }
        int missing = want - active.size();
        if (indexed) {
            BitSet taken = (BitSet) completed.clone();
            active.stream().mapToInt(JobPods::index).filter(i -> i >= 0).forEach(taken::set);
            for (int i = taken.nextClearBit(0); missing > 0 && i < spec.completions(); i = taken.nextClearBit(i + 1)) {
                create(i);
                missing--;
            }
        } else {
            for (int i = 0; i < missing; i++) {
                create(-1);
            }
        }
        return Result.done();
    }

    /**
     * Kubernetes' pod failure backoff: with n failures since the last success, new pods wait
     * {@code 10 s * 2^(n-1)} (at most 6 minutes) after the last failure.
     */
    private Duration backoffRemaining() {
        Instant lastSuccess = succeededPods.stream().map(JobPods::finishTime).max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
        List<Instant> failures = failedPods.stream().map(JobPods::finishTime).filter(t -> t.isAfter(lastSuccess))
                .toList();
        if (failures.isEmpty()) {
            return Duration.ZERO;
        }
        Duration delay = BACKOFF_BASE;
        for (int i = 1; i < failures.size() && delay.compareTo(BACKOFF_MAX) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        delay = delay.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : delay;
        Instant at = failures.stream().max(Comparator.naturalOrder()).orElseThrow().plus(delay);
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }

    private Result deadlineCheck() {
        Long deadline = spec.activeDeadlineSeconds();
        if (deadline == null) {
            return Result.done();
        }
        return Result.requeueAfter(Duration.between(now, startTime.plusSeconds(deadline)));
    }

    private static Result earliest(Result a, Result b) {
        if (!(a instanceof Result.RequeueAfter x)) {
            return b;
        }
        if (!(b instanceof Result.RequeueAfter y)) {
            return a;
        }
        return x.delay().compareTo(y.delay()) <= 0 ? a : b;
    }

    private void create(int index) {
        try {
            Pod created = tools.client().pods().create(JobPods.newPod(job, index));
            tools.expectations().created(key, created);
            active.add(created);
            tools.recorder().normal(job, "SuccessfulCreate", "Created pod: %s", created.metadata().name());
        } catch (StoreException.AlreadyExists raced) {
            // generated names do not clash; nothing to do
        }
    }

    private void deleteAll(List<Pod> pods) {
        for (Pod pod : List.copyOf(pods)) {
            try {
                tools.client().pods().inNamespace(pod.metadata().namespace()).delete(pod.metadata().name());
                tools.expectations().deleted(key, pod);
                tools.recorder().normal(job, "SuccessfulDelete", "Deleted pod: %s", pod.metadata().name());
            } catch (StoreException.NotFound gone) {
                // already gone
            }
            active.remove(pod);
        }
    }

    private boolean isTrue(String type) {
        return conditions.stream().anyMatch(c -> type.equals(c.type()) && c.isTrue());
    }

    private void setCondition(String type, String reason, String message) {
        conditions.removeIf(c -> type.equals(c.type()));
        conditions.add(new JobCondition(type, "True", now, now, reason, message));
    }
}
