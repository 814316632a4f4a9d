package io.flotilla.core.apiserver.gc;

import io.flotilla.api.meta.OwnerReference;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who owns whom, by uid: every object the collector has seen, and for every owner uid the uids of the objects
 * that name it in their {@code ownerReferences} (the owner itself need not exist: that is a dangling reference).
 * A cache for finding work; decisions are always made on objects read again from the API server. Thread-safe.
 */
final class OwnerGraph {

    /** One object as the graph knows it. */
    record Node(ResourceType<?> type, String namespace, String name, String uid, List<OwnerReference> owners) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Set<String>> dependents = new HashMap<>();

    /**
     * Records the object's current state.
     *
     * @return the owner uids it referred to before and no longer does
     */
    synchronized Set<String> put(Resource object) {
        String uid = object.metadata().uid();
        if (uid == null) {
            return Set.of();
        }
        Node previous = nodes.get(uid);
        Set<String> dropped = new LinkedHashSet<>();
        if (previous != null) {
            previous.owners().forEach(ref -> dropped.add(ref.uid()));
            unlink(previous);
        }
        Node node = new Node(object.type(), object.metadata().namespace(), object.metadata().name(), uid,
                object.metadata().ownerReferences());
        nodes.put(uid, node);
        for (OwnerReference ref : node.owners()) {
            dependents.computeIfAbsent(ref.uid(), k -> new LinkedHashSet<>()).add(uid);
            dropped.remove(ref.uid());
        }
        return dropped;
    }

    /** Forgets the object; returns its node, or {@code null} if unknown. */
    synchronized Node remove(String uid) {
        Node node = nodes.remove(uid);
        if (node != null) {
            unlink(node);
        }
        return node;
    }

    private void unlink(Node node) {
        for (OwnerReference ref : node.owners()) {
            Set<String> set = dependents.get(ref.uid());
            if (set != null) {
                set.remove(node.uid());
                if (set.isEmpty()) {
                    dependents.remove(ref.uid());
                }
            }
        }
    }

    /** The object with this uid, or {@code null}. */
    synchronized Node node(String uid) {
        return nodes.get(uid);
    }

    /** The known dependents of the owner with this uid. */
    synchronized List<Node> dependents(String ownerUid) {
        List<Node> out = new ArrayList<>();
        for (String uid : dependents.getOrDefault(ownerUid, Set.of())) {
            Node node = nodes.get(uid);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    /** Every known uid. */
    synchronized List<String> uids() {
        return List.copyOf(nodes.keySet());
    }

    /** Forgets everything. */
    synchronized void clear() {
        nodes.clear();
        dependents.clear();
    }
}
