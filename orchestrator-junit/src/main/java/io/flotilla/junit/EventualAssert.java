package io.flotilla.junit;

import io.flotilla.core.Cluster;
import io.flotilla.core.diagnostics.ClusterReport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The base of the cluster assertions: each check either holds now or, after {@link #eventually(Duration)}, is
 * re-evaluated every 100 ms until it holds or the time is up. A failure's message says what was expected and what
 * was seen, followed by the namespace's workload and pod tables and recent events. Not thread-safe (like AssertJ's
 * assertions, use one per assertion statement).
 *
 * @param <SELF> the concrete assertion, for chaining
 */
public abstract class EventualAssert<SELF extends EventualAssert<SELF>> {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int EVENTS = 10;

    /** The cluster asserted on. */
    protected final Cluster cluster;
    /** The namespace asserted on. */
    protected final String namespace;
    private Duration within = Duration.ZERO;

    /** An assertion on {@code namespace} of {@code cluster}. */
    protected EventualAssert(Cluster cluster, String namespace) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Makes the following checks wait up to {@code timeout} (real time) for their condition, re-evaluating it.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    @SuppressWarnings("unchecked")
    public SELF eventually(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        this.within = timeout;
        return (SELF) this;
    }

    /** What is asserted on, for messages, such as {@code Deployment shop/web}. */
    protected abstract String subject();

    /**
     * Passes when {@code problem} returns {@code null}; otherwise (after waiting, see {@link #eventually}) fails
     * with {@code expectation} and the last problem.
     *
     * @return this, for chaining
     * @throws AssertionError when the condition does not hold in time
     */
    @SuppressWarnings("unchecked")
    protected final SELF check(String expectation, Supplier<String> problem) {
        long deadline = System.nanoTime() + within.toNanos();
        String last;
        while (true) {
            try {
                last = problem.get();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            if (last == null) {
                return (SELF) this;
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new AssertionError("Expecting " + subject() + " " + expectation + (within.isZero() ? "" : " within "
                + within) + ",\nbut " + last + "\n\n" + context());
    }

    /**
     * {@code null} (no problem) or the problem {@code check} finds with the object, or {@code it does not exist}.
     * A helper for checks on objects that may not exist (yet).
     */
    protected static <T> String ifPresent(java.util.Optional<T> object, java.util.function.Function<T, String> check) {
        return object.isEmpty() ? "it does not exist" : check.apply(object.get());
    }

    /** The tables shown under a failure. */
    protected String context() {
        ClusterReport report = ClusterReport.of(cluster, namespace);
        try {
            return "Workloads in " + namespace + ":\n" + report.workloadTable() + "\nPods in " + namespace + ":\n"
                    + report.podTable() + "\nRecent events in " + namespace + ":\n" + report.recentEvents(EVENTS);
        } catch (RuntimeException e) {
            return "(cluster state unavailable: " + e + ")";
        }
    }
}
