package io.flotilla.junit;

/** Which test classes share a cluster. */
public enum ClusterScope {
    /** Each test class starts its own cluster and closes it after its tests (the default). */
    PER_CLASS,
    /**
     * One cluster per JVM for all classes with the same runtime and node count, closed when the test run ends.
     * Classes still get namespaces of their own, so they may run in parallel without seeing each other's objects.
     */
    SHARED
}
