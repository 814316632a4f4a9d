package io.flotilla.core.sim;

import io.flotilla.api.meta.Quantity;
import io.flotilla.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link SimulatedRuntime}. Mutable and confined to one thread; {@code null} arguments are rejected
 * with {@link NullPointerException}.
 */
public final class SimulatedRuntimeBuilder {
    final Clock clock;
    String nodeName = "sim-node";
    Scenario scenario = Scenario.create();
    String podCidr = "10.244.0.0/24";
    String nodeIp = "10.240.0.2";
    Quantity cpu = Quantity.of(4);
    Quantity memory = Quantity.parse("8Gi");
    Duration blockingTimeout = Duration.ofSeconds(60);
    final List<String> images = new ArrayList<>();

    SimulatedRuntimeBuilder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The node's name, hostname and endpoint ({@code sim://<name>}); default {@code sim-node}. */
    public SimulatedRuntimeBuilder nodeName(String value) {
        nodeName = Objects.requireNonNull(value, "nodeName");
        return this;
    }

    /** The rules containers and pulls follow; default an empty {@link Scenario}. */
    public SimulatedRuntimeBuilder scenario(Scenario value) {
        scenario = Objects.requireNonNull(value, "scenario");
        return this;
    }

    /** The IPv4 CIDR pod IPs come from; default {@code 10.244.0.0/24}. */
    public SimulatedRuntimeBuilder podCidr(String value) {
        podCidr = Objects.requireNonNull(value, "podCidr");
        return this;
    }

    /** The IP of host-network pods; default {@code 10.240.0.2}. */
    public SimulatedRuntimeBuilder nodeIp(String value) {
        nodeIp = Objects.requireNonNull(value, "nodeIp");
        return this;
    }

    /** The capacity {@link SimulatedRuntime#info()} reports; default 4 CPUs and 8Gi. */
    public SimulatedRuntimeBuilder capacity(Quantity cpuValue, Quantity memoryValue) {
        cpu = Objects.requireNonNull(cpuValue, "cpu");
        memory = Objects.requireNonNull(memoryValue, "memory");
        return this;
    }

    /** Images present from the start, besides the scenario's preloaded ones. */
    public SimulatedRuntimeBuilder images(String... values) {
        images.addAll(List.of(values));
        return this;
    }

    /** How long in real time a blocked call waits for the clock beyond its latency; default 60s. */
    public SimulatedRuntimeBuilder blockingTimeout(Duration value) {
        blockingTimeout = Objects.requireNonNull(value, "blockingTimeout");
        return this;
    }

    /** The runtime. */
    public SimulatedRuntime build() {
        return new SimulatedRuntime(this);
    }
}
