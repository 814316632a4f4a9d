package io.flotilla.core.startup;

import java.io.Serial;

/**
 * A {@link StartupPlan} could not bring its objects up: one workload cannot start (image pull failure, crash loop,
 * failed Job, ...) or the plan's timeout passed. The message names the workload and why, and shows its pods, recent
 * events and the last log lines of its failing containers. Never holds Secret values.
 */
public final class StartupFailedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String resource;
    private final String namespace;
    private final String reason;
    private final boolean timedOut;

    StartupFailedException(String resource, String namespace, String reason, boolean timedOut, String details) {
        super(resource + " in namespace " + namespace + (timedOut ? " did not become ready: " : " cannot start: ")
                + reason + (details.isEmpty() ? "" : "\n" + details));
        this.resource = resource;
        this.namespace = namespace;
        this.reason = reason;
        this.timedOut = timedOut;
    }

    /** The failing object as {@code Kind/name} (with a timeout: the first that was not ready). */
    public String resource() {
        return resource;
    }

    /** The namespace the plan ran in. */
    public String namespace() {
        return namespace;
    }

    /** Why, in one line, such as {@code pod api-5f7d-x2x: container app: CrashLoopBackOff}. */
    public String reason() {
        return reason;
    }

    /** Whether the plan's timeout passed (rather than a workload failing). */
    public boolean timedOut() {
        return timedOut;
    }
}
