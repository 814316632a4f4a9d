package io.flotilla.junit;

/**
 * The namespace of the test running on this thread, set by {@link FlotillaExtension} around each test, so that
 * {@link ClusterAssertions#assertThat(io.flotilla.core.Cluster)} looks in the test class's namespace by default.
 * A thread-local because classes sharing one cluster may run in parallel.
 */
final class CurrentNamespace {
    private static final ThreadLocal<TestNamespace> CURRENT = new InheritableThreadLocal<>();

    private CurrentNamespace() {
    }

    static void set(TestNamespace namespace) {
        CURRENT.set(namespace);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The current test's namespace if it runs on {@code cluster}, else {@code default}. */
    static String of(io.flotilla.core.Cluster cluster) {
        TestNamespace ns = CURRENT.get();
        return ns != null && ns.cluster() == cluster ? ns.name() : "default";
    }
}
