package io.flotilla.core.scheduler;

import io.flotilla.api.core.Node;
import io.flotilla.api.core.Pod;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.scheduler.ActionType;
import io.flotilla.api.scheduler.ClusterEvent;
import io.flotilla.api.scheduler.EventResource;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.core.controller.ResourceEventHandler;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/*
 * Design notes: Kubernetes' eventhandlers.go. Pods split by assignment: pending pods of this scheduler's profiles
 * feed the queue; assigned (non-terminal) pods feed the cache, and their arrival or departure is a cluster event
 * for the unschedulable pods. Node updates are classified by what changed (labels, taints, allocatable,
 * conditions, images), so plugins can subscribe narrowly.
 */

/** Translates informer notifications into cache, queue and cluster-event calls. Thread-safe. */
final class ClusterEventHandlers {
    // one instance each for the events of every pod and node (records, so equal to any other of the same kind)
    private static final ClusterEvent POD_ADD = ClusterEvent.of(EventResource.POD, ActionType.ADD);
    private static final ClusterEvent POD_DELETE = ClusterEvent.of(EventResource.POD, ActionType.DELETE);
    private static final ClusterEvent NODE_ADD = ClusterEvent.of(EventResource.NODE, ActionType.ADD);

    private final SchedulerCache cache;
    private final SchedulingQueue queue;
    private final Set<String> schedulerNames;
    private final Nominator nominator;
    private final WaitingPods waitingPods;

    ClusterEventHandlers(SchedulerCache cache, SchedulingQueue queue, Set<String> schedulerNames,
                         Nominator nominator, WaitingPods waitingPods) {
        this.cache = cache;
        this.queue = queue;
        this.schedulerNames = Set.copyOf(schedulerNames);
        this.nominator = nominator;
        this.waitingPods = waitingPods;
    }

    ResourceEventHandler<Pod> pods() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                addPod(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                updatePod(oldPod, newPod);
            }

            @Override
            public void onDelete(Pod pod) {
                deletePod(pod);
            }
        };
    }

    ResourceEventHandler<Node> nodes() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                addNode(node);
            }

            @Override
            public void onUpdate(Node oldNode, Node newNode) {
                updateNode(oldNode, newNode);
            }

            @Override
            public void onDelete(Node node) {
                cache.removeNode(node.metadata().name());
            }
        };
    }

    /** A handler that only turns changes of {@code resource} into cluster events (claims, volumes, classes). */
    <T extends Resource> ResourceEventHandler<T> events(EventResource resource) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                queue.onEvent(ClusterEvent.of(resource, ActionType.ADD), null, object);
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                queue.onEvent(ClusterEvent.of(resource, ActionType.UPDATE), oldObject, newObject);
            }

            @Override
            public void onDelete(T object) {
                queue.onEvent(ClusterEvent.of(resource, ActionType.DELETE), object, null);
            }
        };
    }

    void addPod(Pod pod) {
        if (pod.isTerminal()) {
            return;
        }
        if (assigned(pod)) {
            cache.addPod(pod);
            queue.onEvent(POD_ADD, null, pod);
        } else if (responsible(pod)) {
            queue.add(pod);
        }
    }

    void updatePod(Pod oldPod, Pod newPod) {
        if (assigned(newPod)) {
            if (!assigned(oldPod)) {
                queue.delete(id(newPod));
                nominator.remove(id(newPod));
            }
            if (newPod.isTerminal()) {
                cache.removePod(newPod);
                queue.onEvent(POD_DELETE, oldPod, null);
                return;
            }
            if (assigned(oldPod)) {
                cache.updatePod(oldPod, newPod);
                Set<ActionType> actions = podUpdate(oldPod, newPod);
                if (!actions.isEmpty()) {
                    queue.onEvent(new ClusterEvent(EventResource.POD, actions, null), oldPod, newPod);
                }
            } else {
                cache.addPod(newPod);
                queue.onEvent(POD_ADD, null, newPod);
            }
        } else if (responsible(newPod) && !newPod.isTerminal()) {
            queue.update(oldPod, newPod);
        } else {
            queue.delete(id(newPod));
        }
    }

    void deletePod(Pod pod) {
        String id = id(pod);
        if (assigned(pod)) {
            cache.removePod(pod);
            queue.onEvent(POD_DELETE, pod, null);
        }
        queue.delete(id);
        nominator.remove(id);
        waitingPods.reject(id, "pod " + PodInfo.namespaceOf(pod) + "/" + pod.metadata().name() + " was deleted");
    }

    void addNode(Node node) {
        cache.addNode(node);
        queue.onEvent(NODE_ADD, null, node);
    }

    void updateNode(Node oldNode, Node newNode) {
        cache.addNode(newNode);
        Set<ActionType> actions = nodeUpdate(oldNode, newNode);
        if (!actions.isEmpty()) {
            queue.onEvent(new ClusterEvent(EventResource.NODE, actions, null), oldNode, newNode);
        }
    }

    /** What changed in a node, as Kubernetes' nodeSchedulingPropertiesChange. */
    static Set<ActionType> nodeUpdate(Node a, Node b) {
        EnumSet<ActionType> out = EnumSet.noneOf(ActionType.class);
        if (!Objects.equals(a.metadata().labels(), b.metadata().labels())) {
            out.add(ActionType.UPDATE_NODE_LABEL);
        }
        if (!Objects.equals(a.spec().taints(), b.spec().taints()) || a.isUnschedulable() != b.isUnschedulable()) {
            out.add(ActionType.UPDATE_NODE_TAINT);
        }
        var sa = a.status();
        var sb = b.status();
        if (!Objects.equals(sa == null ? null : sa.allocatable(), sb == null ? null : sb.allocatable())) {
            out.add(ActionType.UPDATE_NODE_ALLOCATABLE);
        }
        if (!Objects.equals(sa == null ? null : sa.conditions(), sb == null ? null : sb.conditions())) {
            out.add(ActionType.UPDATE_NODE_CONDITION);
        }
        if (!Objects.equals(sa == null ? null : sa.images(), sb == null ? null : sb.images())) {
            out.add(ActionType.UPDATE_NODE_IMAGES);
        }
        return out;
    }

    private static Set<ActionType> podUpdate(Pod a, Pod b) {
        EnumSet<ActionType> out = EnumSet.noneOf(ActionType.class);
        if (!Objects.equals(a.metadata().labels(), b.metadata().labels())) {
            out.add(ActionType.UPDATE_POD_LABEL);
        }
        if (Objects.equals(a.spec(), b.spec())) {
            return out;
        }
        PodInfo ia = PodInfo.of(a);
        PodInfo ib = PodInfo.of(b);
        if (ib.requests().milliCpu() < ia.requests().milliCpu() || ib.requests().memory() < ia.requests().memory()) {
            out.add(ActionType.UPDATE_POD_SCALE_DOWN);
        }
        return out;
    }

    private boolean responsible(Pod pod) {
        return schedulerNames.contains(ScheduleOne.schedulerNameOf(pod));
    }

    private static boolean assigned(Pod pod) {
        return pod.nodeName() != null && !pod.nodeName().isEmpty();
    }

    private static String id(Pod pod) {
        return PodInfo.idOf(pod);
    }
}
