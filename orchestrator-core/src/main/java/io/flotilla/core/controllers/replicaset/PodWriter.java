package io.flotilla.core.controllers.replicaset;

import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.controllers.support.Expectations;
import io.flotilla.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/*
 * Design notes: Kubernetes' manageReplicas. Creation goes in slow-start batches (1, 2, 4, ...; each batch in
 * parallel on virtual threads) and stops at the first failing batch, so a quota or validation error costs one call,
 * not hundreds. Deletion takes the first pods of the ReplicaSet's scale-down order, in parallel. Each successful
 * write is recorded in the expectations before the next reconcile can read the cache.
 */
final class PodWriter {
    /** The first slow-start batch, as Kubernetes' {@code SlowStartInitialBatchSize}. */
    static final int SLOW_START_INITIAL_BATCH = 1;

    private final ResourceClient<Pod> pods;
    private final EventRecorder recorder;
    private final Expectations expectations;

    PodWriter(ResourceClient<Pod> pods, EventRecorder recorder, Expectations expectations) {
        this.pods = pods;
        this.recorder = recorder;
        this.expectations = expectations;
    }

    /** What a scale step did: the replica difference it acted on (negative: pods were missing) and any error. */
    record Outcome(int diff, String error) {
        static final Outcome NOTHING = new Outcome(0, null);

        boolean failed() {
            return error != null;
        }
    }

    /**
     * Creates or deletes pods so that {@code owned} approaches {@code spec.replicas}, at most {@code burst}. The
     * related pods (for the scale-down order) are asked for only when pods are to be deleted.
     */
    Outcome scale(String key, ReplicaSet rs, List<Pod> owned, Supplier<List<Pod>> related, int burst)
            throws InterruptedException {
        int diff = owned.size() - rs.spec().effectiveReplicas();
        if (diff < 0) {
            return new Outcome(diff, create(key, rs, Math.min(-diff, burst)));
        }
        if (diff > 0) {
            List<Pod> victims = DeletionOrder.pick(owned, related.get(), Math.min(diff, burst));
            return new Outcome(diff, delete(key, rs, victims));
        }
        return Outcome.NOTHING;
    }

    /** Creates {@code count} pods in slow-start batches; the first error's message, or {@code null}. */
    private String create(String key, ReplicaSet rs, int count) throws InterruptedException {
        Pod pod = newPod(rs);
        int remaining = count;
        int batch = Math.min(remaining, SLOW_START_INITIAL_BATCH);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            while (batch > 0) {
                List<Callable<Pod>> calls = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    calls.add(() -> pods.create(pod));
                }
                String error = null;
                for (Future<Pod> result : run(executor, calls)) {
                    try {
                        Pod created = result.get();
                        expectations.created(key, created);
                        recorder.normal(rs, "SuccessfulCreate", "Created pod: %s", created.metadata().name());
                    } catch (ExecutionException e) {
                        error = error != null ? error : message(e.getCause());
                    }
                }
                if (error != null) {
                    recorder.warning(rs, "FailedCreate", "Error creating: %s", error);
                    return error;
                }
                remaining -= batch;
                batch = Math.min(2 * batch, remaining);
            }
        }
        return null;
    }

    /** Deletes {@code victims} in parallel; the first error's message, or {@code null}. */
    private String delete(String key, ReplicaSet rs, List<Pod> victims) throws InterruptedException {
        List<Callable<Pod>> calls = new ArrayList<>(victims.size());
        for (Pod victim : victims) {
            calls.add(() -> {
                try {
                    pods.inNamespace(victim.metadata().namespace()).delete(victim.metadata().name());
                } catch (StoreException.NotFound gone) {
                    // already gone: what we wanted
                }
                return victim;
            });
        }
        String error = null;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Pod> result : run(executor, calls)) {
                try {
                    Pod deleted = result.get();
                    expectations.deleted(key, deleted);
                    recorder.normal(rs, "SuccessfulDelete", "Deleted pod: %s", deleted.metadata().name());
                } catch (ExecutionException e) {
                    error = error != null ? error : message(e.getCause());
                }
            }
        }
        if (error != null) {
            recorder.warning(rs, "FailedDelete", "Error deleting: %s", error);
        }
        return error;
    }

    /** Runs one call inline (the common slow-start first step), more in parallel. */
    private static List<Future<Pod>> run(ExecutorService executor, List<Callable<Pod>> calls)
            throws InterruptedException {
        if (calls.size() == 1) {
            FutureTask<Pod> task = new FutureTask<>(calls.getFirst());
            task.run();
            return List.of(task);
        }
        return executor.invokeAll(calls);
    }

    /** A pod of {@code rs}'s template, named {@code <rs>-xxxxx}, controlled by {@code rs}. */
    static Pod newPod(ReplicaSet rs) {
        PodTemplateSpec template = rs.spec().template();
        ObjectMeta t = template.metadata();
        ObjectMeta meta = ObjectMeta.builder()
                .generateName(rs.metadata().name() + "-")
                .namespace(rs.metadata().namespace())
                .labels(t.labels())
                .annotations(t.annotations())
                .finalizers(t.finalizers())
                .ownerReference(OwnerReference.controlledBy(rs))
                .build();
        return new Pod(meta, template.spec(), null);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
