package io.flotilla.api.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Reconciler} asks for after a successful reconcile: nothing more ({@link #done()}), another
 * reconcile after a fixed delay ({@link #requeueAfter(Duration)}), or another reconcile after the controller's
 * per-key backoff ({@link #requeue()}). Immutable; switch over the permitted records to handle every case.
 */
public sealed interface Result permits Result.Done, Result.RequeueAfter, Result.Requeue {

    /** Converged: the key's failure count is reset and nothing is scheduled (events still trigger reconciles). */
    static Result done() {
        return Done.INSTANCE;
    }

    /**
     * Reconcile again after {@code delay}, for example to check on progress or to act at a deadline; the key's
     * failure count is reset.
     *
     * @throws NullPointerException     if {@code delay} is {@code null}
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    static Result requeueAfter(Duration delay) {
        return new RequeueAfter(delay);
    }

    /** Reconcile again after the per-key exponential backoff, without treating this reconcile as an error. */
    static Result requeue() {
        return Requeue.INSTANCE;
    }

    /** See {@link Result#done()}. */
    record Done() implements Result {
        private static final Done INSTANCE = new Done();
    }

    /**
     * See {@link Result#requeueAfter(Duration)}.
     *
     * @param delay how long to wait before the next reconcile; zero or more
     */
    record RequeueAfter(Duration delay) implements Result {
        /**
         * Checks the delay.
         *
         * @throws NullPointerException     if {@code delay} is {@code null}
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public RequeueAfter {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("requeue delay must not be negative: " + delay);
            }
        }
    }

    /** See {@link Result#requeue()}. */
    record Requeue() implements Result {
        private static final Requeue INSTANCE = new Requeue();
    }
}
