package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.ReplicaSetStatus;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What the Deployment controller reads off ReplicaSets, after Kubernetes' {@code deploymentutil}: revisions and
 * replica annotations, which ReplicaSet is new (its template equals the Deployment's, ignoring the hash label),
 * replica sums and the orders used to pick ReplicaSets. Stateless.
 */
final class ReplicaSets {
    /** Oldest first (ties by name), as Kubernetes' {@code ReplicaSetsByCreationTimestamp}. */
    static final Comparator<ReplicaSet> BY_CREATION = Comparator
            .comparing((ReplicaSet rs) -> created(rs))
            .thenComparing(rs -> rs.metadata().name());
    /** Larger first; among equals, newer first ({@code ReplicaSetsBySizeNewer}). */
    static final Comparator<ReplicaSet> BY_SIZE_NEWER = Comparator
            .comparingInt((ReplicaSet rs) -> -replicas(rs)).thenComparing(BY_CREATION.reversed());
    /** Larger first; among equals, older first ({@code ReplicaSetsBySizeOlder}). */
    static final Comparator<ReplicaSet> BY_SIZE_OLDER = Comparator
            .comparingInt((ReplicaSet rs) -> -replicas(rs)).thenComparing(BY_CREATION);
    /** Lowest revision first, ties oldest first ({@code ReplicaSetsByRevision}). */
    static final Comparator<ReplicaSet> BY_REVISION = Comparator
            .comparingLong((ReplicaSet rs) -> revision(rs)).thenComparing(BY_CREATION);

    private ReplicaSets() {
    }

    static int replicas(ReplicaSet rs) {
        return rs == null || rs.spec() == null ? 0 : rs.spec().effectiveReplicas();
    }

    static int statusReplicas(ReplicaSet rs) {
        return status(rs, ReplicaSetStatus::replicas);
    }

    static int availableReplicas(ReplicaSet rs) {
        return status(rs, ReplicaSetStatus::availableReplicas);
    }

    static int readyReplicas(ReplicaSet rs) {
        return status(rs, ReplicaSetStatus::readyReplicas);
    }

    private static int status(ReplicaSet rs, java.util.function.Function<ReplicaSetStatus, Integer> field) {
        if (rs == null || rs.status() == null) {
            return 0;
        }
        Integer value = field.apply(rs.status());
        return value == null ? 0 : value;
    }

    /** The sum of {@code count} over the non-null ReplicaSets of {@code sets}. */
    static int sum(List<ReplicaSet> sets, ToIntFunction<ReplicaSet> count) {
        int total = 0;
        for (ReplicaSet rs : sets) {
            if (rs != null) {
                total += count.applyAsInt(rs);
            }
        }
        return total;
    }

    /** The ReplicaSets with {@code spec.replicas > 0}. */
    static List<ReplicaSet> active(List<ReplicaSet> sets) {
        return sets.stream().filter(rs -> rs != null && replicas(rs) > 0).toList();
    }

    /** The object's revision annotation; 0 when absent or not a number. */
    static long revision(Resource object) {
        return longAnnotation(object, DeploymentAnnotations.REVISION).orElse(0L);
    }

    static Optional<Integer> desiredReplicas(ReplicaSet rs) {
        return longAnnotation(rs, DeploymentAnnotations.DESIRED_REPLICAS).map(Long::intValue);
    }

    static Optional<Integer> maxReplicas(ReplicaSet rs) {
        return longAnnotation(rs, DeploymentAnnotations.MAX_REPLICAS).map(Long::intValue);
    }

    private static Optional<Long> longAnnotation(Resource object, String key) {
        String value = object.metadata().annotations().get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The highest revision among {@code sets}. */
    static long maxRevision(List<ReplicaSet> sets) {
        return sets.stream().mapToLong(ReplicaSets::revision).max().orElse(0);
    }

    /** The template without the {@code pod-template-hash} label. */
    static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        ObjectMeta meta = template.metadata();
        if (!meta.labels().containsKey(DeploymentAnnotations.POD_TEMPLATE_HASH)) {
            return template;
        }
        Map<String, String> labels = new LinkedHashMap<>(meta.labels());
        labels.remove(DeploymentAnnotations.POD_TEMPLATE_HASH);
        return template.withMetadata(meta.toBuilder().labels(labels).build());
    }

    /** Whether two templates are equal apart from the {@code pod-template-hash} label. */
    static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
        return Objects.equals(withoutHash(a), withoutHash(b));
    }

    /** The Deployment's new ReplicaSet: the oldest whose template equals the Deployment's. */
    static Optional<ReplicaSet> findNew(Deployment d, List<ReplicaSet> sets) {
        PodTemplateSpec template = withoutHash(d.spec().template());
        return sets.stream().sorted(BY_CREATION)
                .filter(rs -> rs.spec() != null && rs.spec().template() != null
                        && template.equals(withoutHash(rs.spec().template())))
                .findFirst();
    }

    /** Every ReplicaSet of {@code sets} but {@code newRs}. */
    static List<ReplicaSet> others(List<ReplicaSet> sets, ReplicaSet newRs) {
        List<ReplicaSet> out = new ArrayList<>();
        for (ReplicaSet rs : sets) {
            if (newRs == null || !Objects.equals(rs.metadata().uid(), newRs.metadata().uid())) {
                out.add(rs);
            }
        }
        return out;
    }

    /**
     * The one ReplicaSet to scale when at most one has replicas, as Kubernetes' {@code FindActiveOrLatest}: the
     * active one; with none active, the new one or else the newest old one; {@code null} with several active.
     */
    static ReplicaSet activeOrLatest(ReplicaSet newRs, List<ReplicaSet> oldRss) {
        if (newRs == null && oldRss.isEmpty()) {
            return null;
        }
        List<ReplicaSet> all = new ArrayList<>(oldRss);
        all.sort(BY_CREATION.reversed());
        List<ReplicaSet> newestFirst = List.copyOf(all);
        all.add(newRs);
        List<ReplicaSet> active = active(all);
        if (active.size() == 1) {
            return active.getFirst();
        }
        if (active.isEmpty()) {
            return newRs != null ? newRs : newestFirst.getFirst();
        }
        return null;
    }

    private static Instant created(ReplicaSet rs) {
        Instant at = rs.metadata().creationTimestamp();
        return at == null ? Instant.MIN : at;
    }
}
