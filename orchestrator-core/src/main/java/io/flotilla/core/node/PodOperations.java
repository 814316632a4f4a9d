package io.flotilla.core.node;

import io.flotilla.api.core.Pod;
import io.flotilla.api.runtime.ExecResult;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.core.client.Client;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reaches the containers of one pod through its node's runtime, like {@code kubectl logs} and {@code kubectl exec}:
 *
 * <pre>{@code
 * String log = cluster.pod("default", "web-0").logs("httpd");
 * ExecResult r = cluster.pod("default", "web-0").exec("httpd", "cat", "/etc/hostname");
 * }</pre>
 *
 * <p>The pod is looked up on each call, so a handle stays valid across restarts. Thread-safe. Errors: an
 * {@link IllegalStateException} naming the pod when it does not exist, is not bound to a node of this cluster, or
 * has no such container yet; the runtime's {@code ContainerRuntimeException} when the runtime fails.
 */
public final class PodOperations {
    /** How long {@link #exec} waits by default. */
    public static final Duration DEFAULT_EXEC_TIMEOUT = Duration.ofMinutes(1);

    private final Client client;
    private final Function<String, NodeAgent> agents;
    private final String namespace;
    private final String name;

    PodOperations(Client client, Function<String, NodeAgent> agents, String namespace, String name) {
        this.client = client;
        this.agents = agents;
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The pod's namespace. */
    public String namespace() {
        return namespace;
    }

    /** The pod's name. */
    public String name() {
        return name;
    }

    /** The whole log of the current attempt of {@code container}, stdout and stderr interleaved, one line each. */
    public String logs(String container) {
        return logs(container, LogOptions.all());
    }

    /**
     * The log of the current attempt of {@code container} as {@code options} select (tail, since, timestamps);
     * following is not supported here.
     *
     * @throws IllegalArgumentException if {@code options} asks to follow
     */
    public String logs(String container, LogOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.follow()) {
            throw new IllegalArgumentException("logs() cannot follow; use the runtime's logs() with a listener");
        }
        Target t = target(container);
        List<LogLine> lines = t.agent.runtime().readLogs(t.containerId, options);
        return lines.stream()
                .map(l -> options.timestamps() && l.time() != null ? l.time() + " " + l.text() : l.text())
                .collect(Collectors.joining("\n", "", lines.isEmpty() ? "" : "\n"));
    }

    /** Runs {@code command} in {@code container} and waits at most {@link #DEFAULT_EXEC_TIMEOUT}. */
    public ExecResult exec(String container, String... command) {
        return exec(container, DEFAULT_EXEC_TIMEOUT, command);
    }

    /** Runs {@code command} in {@code container} and waits at most {@code timeout}. */
    public ExecResult exec(String container, Duration timeout, String... command) {
        Objects.requireNonNull(timeout, "timeout");
        if (command.length == 0) {
            throw new IllegalArgumentException("exec needs a command");
        }
        Target t = target(container);
        return t.agent.runtime().execSync(t.containerId, List.of(command), timeout);
    }

    private record Target(NodeAgent agent, String containerId) {
    }

    private Target target(String container) {
        Objects.requireNonNull(container, "container");
        Pod pod = client.pods().inNamespace(namespace).get(name)
                .orElseThrow(() -> new IllegalStateException("pod " + namespace + "/" + name + " not found"));
        String node = pod.spec().nodeName();
        if (node == null || node.isEmpty()) {
            throw new IllegalStateException("pod " + namespace + "/" + name + " is not scheduled to a node yet");
        }
        NodeAgent agent = agents.apply(node);
        if (agent == null) {
            throw new IllegalStateException("pod " + namespace + "/" + name + " is bound to node " + node
                    + ", which has no agent in this cluster");
        }
        String id = agent.containerId(pod.metadata().uid(), container).orElseThrow(() -> new IllegalStateException(
                "container " + container + " of pod " + namespace + "/" + name + " has not been created"));
        return new Target(agent, id);
    }

    @Override
    public String toString() {
        return "PodOperations[" + namespace + "/" + name + "]";
    }
}
