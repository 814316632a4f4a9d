package io.flotilla.core.node;

import io.flotilla.api.meta.Quantity;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.core.client.Client;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the parts of one node agent share: the runtime, the clock, the API client, the event recorder and the
 * node-level helpers. Immutable; every part is thread-safe.
 */
record AgentContext(String clusterId, String nodeName, String hostIP, ContainerRuntime runtime, String runtimeName,
                    Clock clock,
                    Client client, EventRecorder events, Map<String, Quantity> allocatable, Backoff backoff,
                    VolumeManager volumes, EnvResolver env, Prober prober, NodeAgentConfig config, PodDns dns,
                    SandboxStarts sandboxStarts) {

    /** The labels every sandbox, container and volume of {@code pod} carries. */
    Map<String, String> podLabels(String namespace, String name, String uid, String kind) {
        Map<String, String> labels = new LinkedHashMap<>(RuntimeLabels.forPod(clusterId, namespace, name, uid));
        labels.put(RuntimeLabels.NODE, nodeName);
        labels.put(RuntimeLabels.KIND, kind);
        return labels;
    }

    /** The labels selecting everything this agent created. */
    Map<String, String> nodeSelector() {
        return Map.of(RuntimeLabels.CLUSTER, clusterId, RuntimeLabels.NODE, nodeName);
    }

    /** A container id as Kubernetes shows it: {@code <runtime>://<id>}. */
    String containerID(String id) {
        return runtimeName + "://" + id;
    }
}
