package io.flotilla.core.controllers.deployment;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.apps.DeploymentCondition;
import io.flotilla.api.apps.DeploymentSpec;
import io.flotilla.api.apps.DeploymentStatus;
import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.core.PodTemplateSpec;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.ResourceClient;
import io.flotilla.core.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rollout operations on one Deployment, as {@code kubectl rollout} and {@code kubectl scale} perform them: each
 * is a write of the Deployment's spec (or a read) through the client, which the Deployment controller then acts on.
 *
 * <pre>{@code
 * DeploymentRollout web = DeploymentRollout.of(client, clock, "shop", "web");
 * web.restart();                       // new pods everywhere, one rolling update
 * web.undo();                          // back to the previous template
 * web.history();                       // [revision 1, revision 3]  (2 became 3 on the undo)
 * RolloutStatus s = web.status();      // complete? failed? kubectl's message
 * }</pre>
 *
 * <p>Immutable and thread-safe. Errors: the API's ({@code StoreException.NotFound} if the Deployment does not exist,
 * {@code ApiException.Invalid} for a bad spec), {@link IllegalStateException} for what kubectl refuses (undo or
 * restart while paused, undo without history) and {@link IllegalArgumentException} for an unknown revision.
 */
public final class DeploymentRollout {
    private final ResourceClient<Deployment> deployments;
    private final ResourceClient<ReplicaSet> sets;
    private final Clock clock;
    private final String name;

    private DeploymentRollout(Client client, Clock clock, String namespace, String name) {
        this.deployments = client.deployments().inNamespace(namespace);
        this.sets = client.replicaSets().inNamespace(namespace);
        this.clock = clock;
        this.name = name;
    }

    /**
     * The operations on Deployment {@code namespace/name}; {@code clock} stamps restarts.
     *
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the namespace is blank
     */
    public static DeploymentRollout of(Client client, Clock clock, String namespace, String name) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        return new DeploymentRollout(client, clock, namespace, name);
    }

    /** {@code kubectl rollout undo}: back to the previous revision. */
    public Deployment undo() {
        return undo(0);
    }

    /**
     * {@code kubectl rollout undo --to-revision}: copies the pod template (and the annotations) of that revision's
     * ReplicaSet into the Deployment; the controller then rolls to it, and the revision becomes the newest. If the
     * Deployment already has that template, nothing is written.
     *
     * @param toRevision the revision; 0 means the previous one
     * @return the Deployment as stored
     * @throws IllegalStateException    if the Deployment is paused, or has no earlier revision
     * @throws IllegalArgumentException if no ReplicaSet has revision {@code toRevision}
     */
    public Deployment undo(long toRevision) {
        Deployment d = load();
        if (Deployments.isPaused(d)) {
            throw new IllegalStateException("you cannot rollback a paused deployment; resume it first with"
                    + " resume() and try again");
        }
        ReplicaSet target = revisionReplicaSet(d, toRevision);
        PodTemplateSpec template = ReplicaSets.withoutHash(target.spec().template());
        if (ReplicaSets.equalIgnoreHash(d.spec().template(), template)) {
            return d;
        }
        Map<String, String> annotations = rollbackAnnotations(d, target);
        return deployments.update(name, x -> x.withMetadata(x.metadata().toBuilder().annotations(annotations).build())
                .withSpec(with(x.spec(), template, x.spec().paused(), x.spec().replicas())));
    }

    /** {@code kubectl rollout history}: every revision the Deployment's ReplicaSets hold, oldest first. */
    public List<RolloutRevision> history() {
        Deployment d = load();
        return owned(d).stream()
                .filter(rs -> ReplicaSets.revision(rs) > 0)
                .sorted(Comparator.comparingLong(ReplicaSets::revision))
                .map(rs -> new RolloutRevision(ReplicaSets.revision(rs), rs.metadata().name(),
                        rs.metadata().annotations().get(DeploymentAnnotations.CHANGE_CAUSE),
                        ReplicaSets.withoutHash(rs.spec().template())))
                .toList();
    }

    /** {@code kubectl rollout status}, once (it does not wait). */
    public RolloutStatus status() {
        Deployment d = load();
        DeploymentStatus s = d.status() == null ? Conditions.empty() : d.status();
        String quoted = "deployment \"" + name + "\"";
        long generation = d.metadata().generation() == null ? 0 : d.metadata().generation();
        if (s.observedGeneration() == null || generation > s.observedGeneration()) {
            return new RolloutStatus(false, false, "Waiting for deployment spec update to be observed...");
        }
        if (s.condition(DeploymentCondition.PROGRESSING).map(c -> Conditions.TIMED_OUT.equals(c.reason()))
                .orElse(false)) {
            return new RolloutStatus(false, true, quoted + " exceeded its progress deadline");
        }
        int replicas = Deployments.replicas(d);
        int updated = value(s.updatedReplicas());
        if (updated < replicas) {
            return waiting(quoted, updated + " out of " + replicas + " new replicas have been updated...");
        }
        if (value(s.replicas()) > updated) {
            return waiting(quoted, (value(s.replicas()) - updated) + " old replicas are pending termination...");
        }
        if (value(s.availableReplicas()) < updated) {
            return waiting(quoted, value(s.availableReplicas()) + " of " + updated
                    + " updated replicas are available...");
        }
        return new RolloutStatus(true, false, quoted + " successfully rolled out");
    }

    /** {@code kubectl rollout pause}: the controller stops rolling (it still scales). */
    public Deployment pause() {
        return deployments.update(name, d -> d.withSpec(with(d.spec(), d.spec().template(), true, d.spec().replicas())));
    }

    /** {@code kubectl rollout resume}. */
    public Deployment resume() {
        return deployments.update(name, d -> d.withSpec(with(d.spec(), d.spec().template(), false,
                d.spec().replicas())));
    }

    /**
     * {@code kubectl rollout restart}: stamps the pod template with {@value DeploymentAnnotations#RESTARTED_AT}, so
     * every pod is replaced by a rolling update.
     *
     * @throws IllegalStateException if the Deployment is paused
     */
    public Deployment restart() {
        if (Deployments.isPaused(load())) {
            throw new IllegalStateException("can't restart paused deployment (run resume() first)");
        }
        String at = clock.now().toString();
        return deployments.update(name, d -> {
            PodTemplateSpec t = d.spec().template();
            PodTemplateSpec stamped = t.withMetadata(t.metadata().withAnnotation(DeploymentAnnotations.RESTARTED_AT,
                    at));
            return d.withSpec(with(d.spec(), stamped, d.spec().paused(), d.spec().replicas()));
        });
    }

    /**
     * {@code kubectl scale}: sets {@code spec.replicas}.
     *
     * @throws IllegalArgumentException if {@code replicas} is negative
     */
    public Deployment scale(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, was " + replicas);
        }
        return deployments.update(name, d -> d.withSpec(d.spec().withReplicas(replicas)));
    }

    /** The stored Deployment (an update that changes nothing writes nothing, and fails if it is absent). */
    private Deployment load() {
        return deployments.update(name, d -> d);
    }

    private List<ReplicaSet> owned(Deployment d) {
        return sets.list().stream()
                .filter(rs -> rs.metadata().controllerReference()
                        .filter(r -> Objects.equals(r.uid(), d.metadata().uid())).isPresent())
                .toList();
    }

    private ReplicaSet revisionReplicaSet(Deployment d, long toRevision) {
        List<ReplicaSet> owned = owned(d).stream().filter(rs -> ReplicaSets.revision(rs) > 0)
                .sorted(Comparator.comparingLong(ReplicaSets::revision)).toList();
        if (toRevision == 0) {
            if (owned.size() <= 1) {
                throw new IllegalStateException("no rollout history found for deployment \"" + name + "\"");
            }
            return owned.get(owned.size() - 2);
        }
        return owned.stream().filter(rs -> ReplicaSets.revision(rs) == toRevision).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unable to find specified revision " + toRevision
                        + " in history of deployment \"" + name + "\""));
    }

    /** kubectl's rollback annotations: the ReplicaSet's, plus the Deployment's own that are never copied. */
    private static Map<String, String> rollbackAnnotations(Deployment d, ReplicaSet rs) {
        Map<String, String> out = new LinkedHashMap<>();
        d.metadata().annotations().forEach((k, v) -> {
            if (DeploymentAnnotations.NOT_COPIED.contains(k)) {
                out.put(k, v);
            }
        });
        rs.metadata().annotations().forEach((k, v) -> {
            if (!DeploymentAnnotations.NOT_COPIED.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static DeploymentSpec with(DeploymentSpec s, PodTemplateSpec template, Boolean paused, Integer replicas) {
        return new DeploymentSpec(replicas, s.selector(), template, s.strategy(), s.minReadySeconds(),
                s.revisionHistoryLimit(), paused, s.progressDeadlineSeconds());
    }

    private static RolloutStatus waiting(String quoted, String what) {
        return new RolloutStatus(false, false, "Waiting for " + quoted + " rollout to finish: " + what);
    }

    private static int value(Integer v) {
        return v == null ? 0 : v;
    }
}
