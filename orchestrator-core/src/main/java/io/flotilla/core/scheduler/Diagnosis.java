package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.NodeToStatus;
import io.flotilla.api.scheduler.Status;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Why a pod did not fit, collected during one cycle (Kubernetes' {@code framework.Diagnosis}): the failing status of
 * every filtered node, the status of nodes never filtered, a PreFilter rejection, the plugins that rejected (which
 * decide which cluster events requeue the pod), and the PostFilter message. Confined to the scheduling thread.
 */
final class Diagnosis implements NodeToStatus {

    private final Map<String, Status> nodeStatuses = new HashMap<>();
    private final Set<String> unschedulablePlugins = new LinkedHashSet<>();
    private final int numAllNodes;
    private Status absentStatus = Status.unresolvable("node(s) were not considered");
    private int absentNodes;
    private Status preFilterStatus;
    private String postFilterMessage = "";

    Diagnosis(int numAllNodes) {
        this.numAllNodes = numAllNodes;
    }

    void recordNode(String nodeName, Status status) {
        nodeStatuses.put(nodeName, status);
        if (status.plugin() != null) {
            unschedulablePlugins.add(status.plugin());
        }
    }

    void recordAbsent(int count, Status status) {
        absentNodes = count;
        absentStatus = status;
        if (status.plugin() != null) {
            unschedulablePlugins.add(status.plugin());
        }
    }

    void recordPreFilter(Status status) {
        preFilterStatus = status;
        if (status.plugin() != null) {
            unschedulablePlugins.add(status.plugin());
        }
    }

    void recordPostFilter(String message) {
        postFilterMessage = message == null ? "" : message;
    }

    @Override
    public Status get(String nodeName) {
        Status s = nodeStatuses.get(nodeName);
        return s != null ? s : preFilterStatus != null ? preFilterStatus : absentStatus;
    }

    int numAllNodes() {
        return numAllNodes;
    }

    Map<String, Status> nodeStatuses() {
        return nodeStatuses;
    }

    int absentNodes() {
        return absentNodes;
    }

    Status absentStatus() {
        return absentStatus;
    }

    Status preFilterStatus() {
        return preFilterStatus;
    }

    String postFilterMessage() {
        return postFilterMessage;
    }

    Set<String> unschedulablePlugins() {
        return unschedulablePlugins;
    }
}
