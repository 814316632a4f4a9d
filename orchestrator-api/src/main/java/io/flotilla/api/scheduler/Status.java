package io.flotilla.api.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a plugin call, like Kubernetes' {@code framework.Status}: a {@link Code}, zero or more
 * human-readable reasons (each counted separately in the {@code FailedScheduling} message, for example
 * {@code "Insufficient cpu"}), the name of the plugin that failed and, for errors, the cause.
 *
 * <p>Plugins return a status for every expected outcome and throw only for bugs. Successful calls return the shared
 * {@link #success()} instance, which does not allocate; plugins that reject often should keep their rejection
 * statuses in constants too — the framework records the failing plugin itself, so a constant need not carry it.
 * Instances are immutable and thread-safe.
 */
public final class Status {

    /** The kind of outcome, with Kubernetes' codes. */
    public enum Code {
        /** The plugin ran and the pod may proceed. */
        SUCCESS,
        /** An unexpected internal error; the pod is retried with backoff. */
        ERROR,
        /** The pod does not fit, but preemption (evicting lower-priority pods) might make it fit. */
        UNSCHEDULABLE,
        /** The pod does not fit and preemption cannot help on this node (for example a node selector mismatch). */
        UNSCHEDULABLE_AND_UNRESOLVABLE,
        /** A Permit plugin asks the framework to hold the pod until it is allowed, rejected or times out. */
        WAIT,
        /** The plugin has nothing to do for this pod: the framework skips its later calls for this cycle. */
        SKIP,
        /** Returned by PreFilter when the pod cannot be scheduled on any node and should not be retried soon. */
        PENDING
    }

    private static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), null, null);
    private static final Status SKIP = new Status(Code.SKIP, List.of(), null, null);
    private static final Status WAIT = new Status(Code.WAIT, List.of(), null, null);

    private final Code code;
    private final List<String> reasons;
    private final String plugin;
    private final Throwable cause;

    private Status(Code code, List<String> reasons, String plugin, Throwable cause) {
        this.code = code;
        this.reasons = reasons;
        this.plugin = plugin;
        this.cause = cause;
    }

    /** The shared success status; does not allocate. */
    public static Status success() {
        return SUCCESS;
    }

    /** The shared skip status; does not allocate. */
    public static Status skip() {
        return SKIP;
    }

    /** The shared wait status, used by the framework for pods held by Permit plugins. */
    public static Status waiting() {
        return WAIT;
    }

    /**
     * A status of the given code and reasons.
     *
     * @param code    the code; not null
     * @param reasons the reasons, in order; none may be null
     */
    public static Status of(Code code, String... reasons) {
        Objects.requireNonNull(code, "code");
        return new Status(code, List.of(reasons), null, null);
    }

    /** An {@link Code#UNSCHEDULABLE} status: preemption might help. */
    public static Status unschedulable(String... reasons) {
        return of(Code.UNSCHEDULABLE, reasons);
    }

    /** An {@link Code#UNSCHEDULABLE_AND_UNRESOLVABLE} status: preemption cannot help on this node. */
    public static Status unresolvable(String... reasons) {
        return of(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, reasons);
    }

    /** An {@link Code#ERROR} status with one reason. */
    public static Status error(String reason) {
        return of(Code.ERROR, reason);
    }

    /** An {@link Code#ERROR} status caused by {@code cause}; the reason is its message (or class name). */
    public static Status error(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return new Status(Code.ERROR, List.of(message), null, cause);
    }

    /** This status attributed to {@code plugin}; this instance if it already is. */
    public Status withPlugin(String plugin) {
        return Objects.equals(plugin, this.plugin) ? this : new Status(code, reasons, plugin, cause);
    }

    /** The code; never null. */
    public Code code() {
        return code;
    }

    /** The reasons, in order; never null, possibly empty. */
    public List<String> reasons() {
        return reasons;
    }

    /** The plugin that produced this status, or null if not attributed yet. */
    public String plugin() {
        return plugin;
    }

    /** The exception behind an {@link Code#ERROR}, or null. */
    public Throwable cause() {
        return cause;
    }

    /** The reasons joined with {@code ", "}; empty if there are none. */
    public String message() {
        return String.join(", ", reasons);
    }

    /** Whether the code is {@link Code#SUCCESS}. */
    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    /** Whether the code is {@link Code#SKIP}. */
    public boolean isSkip() {
        return code == Code.SKIP;
    }

    /** Whether the code is {@link Code#UNSCHEDULABLE}, {@link Code#UNSCHEDULABLE_AND_UNRESOLVABLE} or PENDING. */
    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE || code == Code.PENDING;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status s && code == s.code && reasons.equals(s.reasons) && Objects.equals(plugin, s.plugin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, reasons, plugin);
    }

    @Override
    public String toString() {
        return code + (plugin == null ? "" : " from " + plugin) + (reasons.isEmpty() ? "" : ": " + message());
    }
}
