package io.flotilla.core.controllers.job;

import io.flotilla.api.batch.Job;
import io.flotilla.api.core.ContainerStatus;
import io.flotilla.api.core.EnvVar;
import io.flotilla.api.core.EnvVarSource;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pods of a Job: how they are made (with completion indexes) and what their status tells. Stateless. */
final class JobPods {
    private JobPods() {
    }

    /**
     * A new pod of {@code job}: {@code generateName} {@code <job>-}, or {@code <job>-<index>-} with the index
     * annotation, label, hostname and {@value JobController#INDEX_ENV} variable in Indexed mode ({@code index} &ge;
     * 0).
     */
    static Pod newPod(Job job, int index) {
        PodTemplateSpec template = job.spec().template();
        ObjectMeta tm = template.metadata();
        String name = job.metadata().name();
        ObjectMeta.Builder meta = ObjectMeta.builder().namespace(job.metadata().namespace())
                .labels(tm.labels()).annotations(tm.annotations()).ownerReference(OwnerReference.controlledBy(job));
        PodSpec spec = template.spec();
        if (index < 0) {
            meta.generateName(name + "-");
        } else {
            String value = Integer.toString(index);
            Map<String, String> labels = new LinkedHashMap<>(tm.labels());
            labels.put(JobController.COMPLETION_INDEX, value);
            meta.generateName(name + "-" + index + "-").labels(labels)
                    .annotation(JobController.COMPLETION_INDEX, value);
            spec = withIndexEnv(spec).toBuilder().hostname(name + "-" + index).build();
        }
        return new Pod(meta.build(), spec, null);
    }

    private static PodSpec withIndexEnv(PodSpec spec) {
        EnvVar env = EnvVar.from(JobController.INDEX_ENV,
                EnvVarSource.field("metadata.annotations['" + JobController.COMPLETION_INDEX + "']"));
        PodSpec.Builder out = spec.toBuilder();
        spec.containers().forEach(c -> out.container(c.toBuilder().env(env).build()));
        spec.initContainers().forEach(c -> out.initContainer(c.toBuilder().env(env).build()));
        return out.build();
    }

    /** The pod's completion index, or -1 when it has none (or a malformed one). */
    static int index(Pod pod) {
        String value = pod.metadata().annotations().get(JobController.COMPLETION_INDEX);
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * When a finished pod finished: the latest container {@code finishedAt}, else when its Ready condition last
     * changed, else its creation.
     */
    static Instant finishTime(Pod pod) {
        Instant latest = null;
        if (pod.status() != null) {
            for (ContainerStatus cs : pod.status().containerStatuses()) {
                if (cs.state() != null && cs.state().terminated() != null
                        && cs.state().terminated().finishedAt() != null) {
                    Instant t = cs.state().terminated().finishedAt();
                    latest = latest == null || t.isAfter(latest) ? t : latest;
                }
            }
            if (latest == null) {
                latest = pod.status().condition(PodCondition.READY).map(PodCondition::lastTransitionTime)
                        .orElse(null);
            }
        }
        if (latest == null) {
            latest = pod.metadata().creationTimestamp();
        }
        return latest == null ? Instant.EPOCH : latest;
    }

    /** The container restarts of the pod (counted as failures with {@code restartPolicy: OnFailure}). */
    static int restarts(Pod pod) {
        if (pod.status() == null) {
            return 0;
        }
        int sum = 0;
        for (ContainerStatus cs : pod.status().containerStatuses()) {
            sum += cs.effectiveRestartCount();
        }
        for (ContainerStatus cs : pod.status().initContainerStatuses()) {
            sum += cs.effectiveRestartCount();
        }
        return sum;
    }
}
