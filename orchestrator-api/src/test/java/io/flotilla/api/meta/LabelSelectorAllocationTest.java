package io.flotilla.api.meta;

import static io.flotilla.api.meta.LabelSelectorRequirement.doesNotExist;
import static io.flotilla.api.meta.LabelSelectorRequirement.exists;
import static io.flotilla.api.meta.LabelSelectorRequirement.in;
import static io.flotilla.api.meta.LabelSelectorRequirement.notIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LabelSelector#matches} runs millions of times in the scheduler and informers: it must not allocate. Measured
 * with the JVM's per-thread allocation counter, which counts every allocation even in the interpreter, so the result
 * does not depend on the JIT.
 */
class LabelSelectorAllocationTest {
    private static final int CALLS = 20_000;

    @Test
    void matchingDoesNotAllocate() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs the per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        LabelSelector selector = LabelSelector.of(Map.of("app", "web", "tier", "frontend", "zone", "a"))
                .and(in("env", "prod", "staging")).and(notIn("track", "canary")).and(exists("release"))
                .and(doesNotExist("deprecated"));
        Map<String, String> match = new HashMap<>(Map.of("app", "web", "tier", "frontend", "zone", "a", "env", "prod",
                "release", "7", "owner", "team-a"));
        Map<String, String> miss = new HashMap<>(match);
        miss.put("deprecated", "yes");
        run(selector, match, miss);

        long before = threads.getThreadAllocatedBytes(thread);
        int matched = run(selector, match, miss);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(matched).isEqualTo(2 * CALLS);
        // One allocating call (an iterator is 16-32 bytes) would add well over 300 KB across the calls.
        assertThat(allocated).as("bytes allocated by %s calls", 2 * CALLS).isLessThan(4096);
    }

    private static int run(LabelSelector selector, Map<String, String> match, Map<String, String> miss) {
        int matched = 0;
        for (int i = 0; i < CALLS; i++) {
            matched += selector.matches(match) ? 1 : 0;
            matched += selector.matches(miss) ? 0 : 1;
        }
        return matched;
    }
}
