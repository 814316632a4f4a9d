package io.flotilla.benchmarks.threetier;

/**
 * One way of starting the three-tier shop, used once: {@link #start()} is timed, {@link #close()} is not. Not
 * thread-safe.
 */
interface Contender extends AutoCloseable {

    /** The name in the result table. */
    String name();

    /**
     * Starts the whole topology and returns when every tier is Ready (the migration having completed first).
     *
     * @throws Exception if it cannot, including when it takes longer than {@link ThreeTierStartBenchmark#TIMEOUT}
     */
    void start() throws Exception;

    /**
     * A note on where the time went in the last {@link #start()}, or an empty string.
     */
    default String breakdown() {
        return "";
    }

    /** Removes everything it created; never throws. */
    @Override
    void close();
}
