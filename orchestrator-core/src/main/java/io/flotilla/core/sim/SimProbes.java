package io.flotilla.core.sim;

import io.flotilla.api.runtime.NetworkProbeResult;
import io.flotilla.api.runtime.SandboxState;
import io.flotilla.core.sim.SimBehavior.HttpAnswer;
import java.util.Optional;

/**
 * Answers HTTP and TCP probes of a simulated sandbox's IP from the behaviours of its running containers, with the
 * messages a real prober would report. Stateless; called with the node's lock held.
 */
final class SimProbes {
    private SimProbes() {
    }

    static NetworkProbeResult http(SimSandbox sandbox, int port, String path, SimProcesses processes) {
        if (sandbox.state != SandboxState.READY) {
            return refused(sandbox, port);
        }
        Optional<HttpAnswer> answer = processes.serve(sandbox.id, port, path);
        return answer.map(a -> new NetworkProbeResult(true, a.status(), "HTTP " + a.status()))
                .orElseGet(() -> refused(sandbox, port));
    }

    static NetworkProbeResult tcp(SimSandbox sandbox, int port, SimProcesses processes) {
        if (sandbox.state == SandboxState.READY && processes.listens(sandbox.id, port)) {
            return new NetworkProbeResult(true, 0, "connected to " + sandbox.ip + ":" + port);
        }
        return refused(sandbox, port);
    }

    private static NetworkProbeResult refused(SimSandbox sandbox, int port) {
        return new NetworkProbeResult(false, 0, "dial tcp " + sandbox.ip + ":" + port + ": connect: connection refused");
    }
}
