package io.flotilla.core.time;

/**
 * A handle on a task scheduled on a {@link Clock}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Cancellable {

    /**
     * Stops the task from running (again). Does not interrupt a run already in progress; cancelling twice is
     * harmless.
     *
     * @return {@code true} if this call prevented at least one run, {@code false} if the task had already run (a
     *         one-shot task), was already cancelled, or its clock was closed
     */
    boolean cancel();
}
