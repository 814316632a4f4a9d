package io.flotilla.benchmarks.podstart;

import java.time.Duration;

/**
 * One way of starting N containers that the harness times. Each {@link #run} leaves nothing running behind it, so
 * the next contender starts on a quiet engine. Used from one thread at a time.
 */
interface Contender extends AutoCloseable {

    /** The column name in the results table, such as {@code raw seq}. */
    String name();

    /**
     * Starts {@code n} containers (or pods), waits until all run, then removes them and waits until they are gone.
     *
     * @return the time from the first start request until all were running; the clean-up is not timed
     * @throws IllegalStateException if they did not all run, or were not all removed, within the harness's timeout
     */
    Duration run(int n) throws Exception;

    /** Removes whatever this contender created and still exists. Idempotent. */
    @Override
    void close();
}
