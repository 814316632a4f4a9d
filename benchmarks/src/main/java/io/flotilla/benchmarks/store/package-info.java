/**
 * Benchmarks of the object store: write throughput with 0, 1 and 10 watchers beside a plain
 * {@link java.util.concurrent.ConcurrentHashMap} doing the same client-side work, and the heap a stored Pod costs.
 * Run {@link io.flotilla.benchmarks.store.StoreBenchmarks#main} (see the module's README.md).
 */
package io.flotilla.benchmarks.store;
