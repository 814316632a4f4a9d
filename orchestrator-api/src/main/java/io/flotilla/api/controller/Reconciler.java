package io.flotilla.api.controller;

/**
 * Drives the objects of one kind towards their desired state. The controller manager calls {@link #reconcile} with
 * the key of an object whenever something relevant to it may have changed: the object itself, an object it owns,
 * or anything a mapping points at it.
 *
 * <p><b>Contract.</b> A reconciler is <em>level-triggered</em>: it is told only which object, never what changed,
 * and must read the current state (from informer caches), compare it with the desired state and converge. It must
 * be <em>idempotent</em>: running it twice, or again after a crash half-way, must be safe, because events are
 * coalesced, replayed after restarts and retried after errors. An object that no longer exists is a normal case
 * (clean up, then return {@link Result#done()}).
 *
 * <p><b>Threads.</b> The manager never reconciles one key on two threads at once, but different keys are
 * reconciled concurrently when the controller has several workers, so implementations must be thread-safe. Workers
 * are virtual threads; blocking is fine. A reconcile should honour interruption: the manager interrupts it when it
 * shuts down and the reconcile overruns the grace period.
 *
 * <p><b>Errors.</b> An exception means "failed, retry": the key is requeued with per-key exponential backoff. A
 * {@link TerminalReconcileException} (anywhere in the cause chain) means "retrying cannot help": it is logged and
 * recorded, and the key is not retried until the next event.
 */
@FunctionalInterface
public interface Reconciler {

    /**
     * Converges the object named by {@code request}.
     *
     * @param request the object's namespace and name; never {@code null}
     * @return what to do next; {@code null} is treated as {@link Result#done()}
     * @throws TerminalReconcileException if the object cannot be reconciled until it changes
     * @throws Exception                  on any other failure; the request is retried with backoff
     */
    Result reconcile(Request request) throws Exception;
}
