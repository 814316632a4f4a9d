package io.flotilla.benchmarks.podstart;

import io.flotilla.api.runtime.ContainerRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Where a runtime's time goes: wraps a {@link ContainerRuntime} so that every call is counted and timed (calls in
 * parallel each count their own wall time), and remembers when the first call of each method began and the last
 * ended. {@code -Dprofile=true} prints it after every Flotilla run. Thread-safe.
 */
final class RuntimeProfile {
    private final Map<String, Calls> calls = new ConcurrentHashMap<>();

    /** Per method: how many calls, their summed and longest wall time, first start and last end. */
    private static final class Calls {
        final AtomicLong count = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        final LongAccumulator max = new LongAccumulator(Math::max, 0);
        final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
    }

    /** {@code runtime} with every call recorded here. */
    ContainerRuntime wrap(ContainerRuntime runtime) {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                    long t0 = System.nanoTime();
                    try {
                        return method.invoke(runtime, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        long t1 = System.nanoTime();
                        Calls c = calls.computeIfAbsent(method.getName(), m -> new Calls());
                        c.count.incrementAndGet();
                        c.nanos.addAndGet(t1 - t0);
                        c.max.accumulate(t1 - t0);
                        c.first.accumulate(t0);
                        c.last.accumulate(t1);
                    }
                });
    }

    /** Forgets what was recorded. Not atomic with concurrent calls: reset between runs. */
    void reset() {
        calls.clear();
    }

    /**
     * One line per method called since the last reset: count, mean and longest call, and when its first call began
     * and its last ended, in ms after {@code origin} (a {@link System#nanoTime()}).
     */
    String report(long origin) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(calls).forEach((method, c) -> {
            long n = c.count.get();
            out.append(String.format(Locale.ROOT, "    %-18s %4d calls, mean %6.1f ms, max %6.1f ms, "
                            + "first at %6.0f ms, last done at %6.0f ms%n", method, n, c.nanos.get() / 1e6 / n,
                    c.max.get() / 1e6, (c.first.get() - origin) / 1e6, (c.last.get() - origin) / 1e6));
        });
        return out.toString();
    }
}
