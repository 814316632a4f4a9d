package io.flotilla.core.sim;

import io.flotilla.api.runtime.PodSandbox;
import io.flotilla.api.runtime.PodSandboxConfig;
import io.flotilla.api.runtime.PodSandboxStatus;
import io.flotilla.api.runtime.SandboxState;
import java.time.Instant;

/** The mutable state of one simulated pod sandbox. Guarded by the runtime's lock. */
final class SimSandbox {
    final String id;
    final PodSandboxConfig config;
    final Instant createdAt;
    SandboxState state = SandboxState.READY;
    String ip;
    // the list view, rebuilt only when the state changed: a relist per node per second lists every sandbox
    private PodSandbox view;

    SimSandbox(String id, PodSandboxConfig config, Instant createdAt, String ip) {
        this.id = id;
        this.config = config;
        this.createdAt = createdAt;
        this.ip = ip;
    }

    PodSandbox toSandbox() {
        PodSandbox last = view;
        if (last == null || last.state() != state) {
            last = new PodSandbox(id, config.metadata(), state, createdAt, config.labels(), config.annotations());
            view = last;
        }
        return last;
    }

    PodSandboxStatus toStatus() {
        return new PodSandboxStatus(id, config.metadata(), state, createdAt, ip, config.hostNetwork(),
                config.labels(), config.annotations());
    }
}
