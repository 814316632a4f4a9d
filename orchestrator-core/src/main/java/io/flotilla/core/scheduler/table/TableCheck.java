package io.flotilla.core.scheduler.table;

/**
 * One cycle's rule, over {@link NodeTable} rows, for when a set of Filter plugins all pass a node: none of the
 * {@linkplain #flags() flags} is set on the row, the node has a free pod slot (if {@linkplain #podSlot() asked}),
 * and the pod's CPU and memory requests fit in what the node's pods leave of its allocatable. A node that fails the
 * rule is not necessarily rejected: the framework then asks the plugins node by node, which also gives the exact
 * reason. Immutable and thread-safe.
 *
 * @param flags    row flags ({@link NodeTable#UNSCHEDULABLE}, {@link NodeTable#TAINTED}) that send a node to the
 *                 per-node path
 * @param podSlot  whether the node needs a free pod slot
 * @param milliCpu the CPU the pod requests, in millicores; 0 for no check
 * @param memory   the memory the pod requests, in bytes; 0 for no check
 */
public record TableCheck(long flags, boolean podSlot, long milliCpu, long memory) {

    /** Passes every node. */
    public static final TableCheck ALWAYS = new TableCheck(0, false, 0, 0);

    /**
     * A check that only sends nodes with any of {@code flags} to the per-node path.
     *
     * @param flags row flags of {@link NodeTable}
     */
    public static TableCheck unlessFlagged(long flags) {
        return new TableCheck(flags, false, 0, 0);
    }

    /** The conjunction of this check and {@code other}: a node passes only if it passes both. */
    public TableCheck and(TableCheck other) {
        return new TableCheck(flags | other.flags, podSlot || other.podSlot, Math.max(milliCpu, other.milliCpu),
                Math.max(memory, other.memory));
    }

    /** Whether the node of row {@code row} passes. */
    public boolean passes(NodeTable table, int row) {
        return (table.flags(row) & flags) == 0
                && (!podSlot || table.freePods(row) >= 1)
                && (milliCpu <= 0 || milliCpu <= table.allocatableMilliCpu(row) - table.requestedMilliCpu(row))
                && (memory <= 0 || memory <= table.allocatableMemory(row) - table.requestedMemory(row));
    }
}
