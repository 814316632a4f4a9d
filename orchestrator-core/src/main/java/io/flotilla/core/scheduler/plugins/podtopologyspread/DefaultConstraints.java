package io.flotilla.core.scheduler.plugins.podtopologyspread;

import io.flotilla.api.apps.ReplicaSet;
import io.flotilla.api.apps.StatefulSet;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.TopologySpreadConstraint;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.LabelSelectorRequirement;
import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.api.scheduler.PluginArgs;
import io.flotilla.api.scheduler.PodInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The constraints applied to pods that declare none, like Kubernetes' {@code defaultConstraints}: with
 * {@code defaultingType: System} (the default) spread over hostnames (maxSkew 3) and zones (maxSkew 5),
 * {@code ScheduleAnyway}; with {@code List}, the {@code defaultConstraints} argument. Their selector is Kubernetes'
 * {@code DefaultSelector}: the selectors of the Services selecting the pod merged with the selector of its
 * controlling ReplicaSet or StatefulSet — no such owner or Service means no default spreading. Immutable.
 */
final class DefaultConstraints {

    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";

    private final List<TopologySpreadConstraint> defaults;
    private final boolean system;
    // whenUnsatisfiable values that occur in the defaults: asked twice per scheduling cycle, so not streamed
    private final Set<String> kinds;

    private DefaultConstraints(List<TopologySpreadConstraint> defaults, boolean system) {
        this.defaults = defaults;
        this.system = system;
        Set<String> k = new HashSet<>();
        defaults.forEach(c -> k.add(c.whenUnsatisfiable()));
        this.kinds = Set.copyOf(k);
    }

    /**
     * Parses the plugin's {@code defaultingType} and {@code defaultConstraints} arguments.
     *
     * @throws IllegalArgumentException for an unknown defaulting type or a malformed constraint
     */
    static DefaultConstraints parse(PluginArgs args) {
        String type = args.string("defaultingType", "System");
        return switch (type) {
            case "System" -> new DefaultConstraints(List.of(
                    new TopologySpreadConstraint(3, HOSTNAME, TopologySpreadConstraint.SCHEDULE_ANYWAY, null, null),
                    new TopologySpreadConstraint(5, ZONE, TopologySpreadConstraint.SCHEDULE_ANYWAY, null, null)),
                    true);
            case "List" -> new DefaultConstraints(args.list("defaultConstraints").stream().map(c -> {
                String key = c.string("topologyKey", "");
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("PodTopologySpread defaultConstraints need a topologyKey");
                }
                return new TopologySpreadConstraint((int) c.number("maxSkew", 1), key,
                        c.string("whenUnsatisfiable", TopologySpreadConstraint.DO_NOT_SCHEDULE), null, null);
            }).toList(), false);
            default -> throw new IllegalArgumentException(
                    "PodTopologySpread defaultingType must be System or List, got " + type);
        };
    }

    /** Whether the system defaults are in use (then nodes missing a topology key still score). */
    boolean isSystem() {
        return system;
    }

    /** The default constraints of {@code pod} with the given {@code whenUnsatisfiable}; empty if none apply. */
    List<Constraint> forPod(Pod pod, String whenUnsatisfiable, ObjectLookup objects) {
        if (!kinds.contains(whenUnsatisfiable)) {
            return List.of();
        }
        LabelSelector selector = selectorOf(pod, objects);
        if (selector.isEmpty()) {
            return List.of();
        }
        return defaults.stream().filter(c -> whenUnsatisfiable.equals(c.whenUnsatisfiable()))
                .map(c -> new Constraint(c.maxSkew(), c.topologyKey(), selector, 1)).toList();
    }

    private static LabelSelector selectorOf(Pod pod, ObjectLookup objects) {
        String ns = PodInfo.namespaceOf(pod);
        Map<String, String> labels = pod.metadata().labels();
        LabelSelector selector = LabelSelector.everything();
        for (Service s : objects.list(Service.TYPE, ns)) {
            Map<String, String> sel = s.spec() == null ? Map.of() : s.spec().selector();
            if (!sel.isEmpty() && LabelSelector.of(sel).matches(labels)) {
                for (Map.Entry<String, String> e : sel.entrySet()) {
                    selector = selector.and(e.getKey(), e.getValue());
                }
            }
        }
        Optional<OwnerReference> owner = pod.metadata().controllerReference();
        LabelSelector ownerSelector = owner.map(o -> switch (o.kind() == null ? "" : o.kind()) {
            case "ReplicaSet" -> objects.get(ReplicaSet.TYPE, ns, o.name())
                    .map(rs -> rs.spec() == null ? null : rs.spec().selector()).orElse(null);
            case "StatefulSet" -> objects.get(StatefulSet.TYPE, ns, o.name())
                    .map(ss -> ss.spec() == null ? null : ss.spec().selector()).orElse(null);
            default -> null;
        }).orElse(null);
        if (ownerSelector != null) {
            for (Map.Entry<String, String> e : ownerSelector.matchLabels().entrySet()) {
                selector = selector.and(e.getKey(), e.getValue());
            }
            for (LabelSelectorRequirement r : ownerSelector.matchExpressions()) {
                selector = selector.and(r);
            }
        }
        return selector;
    }
}
