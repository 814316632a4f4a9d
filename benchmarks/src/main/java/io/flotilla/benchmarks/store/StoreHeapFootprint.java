package io.flotilla.benchmarks.store;

import io.flotilla.api.core.Pod;
import io.flotilla.core.store.InMemoryObjectStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The retained heap of pods: measured after full GCs as the used heap with the objects held minus the used heap
 * without them, first for the pods alone in a list, then for the same pods in a store (which holds its own stamped
 * copies, the map nodes and the history ring).
 */
final class StoreHeapFootprint {
    private StoreHeapFootprint() {
    }

    /** Retained bytes: {@code [pods alone, pods in a store]}. */
    static long[] measure(int count) {
        long empty = usedAfterGc();
        List<Pod> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pods.add(Pods.pod(i));
        }
        long alone = usedAfterGc() - empty;
        InMemoryObjectStore store = InMemoryObjectStore.create();
        for (Pod pod : pods) {
            store.create(pod);
        }
        pods = null;
        long inStore = usedAfterGc() - empty;
        if (store.revision() != count) {
            throw new IllegalStateException("store holds " + store.revision() + " writes");
        }
        store.close();
        return new long[] {alone, inStore};
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
