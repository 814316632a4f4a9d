package io.flotilla.core.scheduler.table;

import io.flotilla.api.scheduler.NodeInfo;

/*
 * Design notes: one row of eight longs per node (one cache line's worth), rows in snapshot order, so the node loop
 * of a cycle walks memory sequentially instead of dereferencing 500 NodeInfo objects that are rarely in the CPU
 * cache (they are new ones every cycle: the sampling walks round-robin over all nodes). Rows are rewritten from
 * the NodeInfo whenever the snapshot entry changes; NodeInfo stays the source of truth.
 */

/**
 * The flat per-node numbers of one scheduling snapshot, row {@code i} describing the snapshot's {@code i}-th node.
 * Written by the scheduler cache when it updates the snapshot ({@link #reset}, {@link #set}), read by the
 * scheduling thread during a cycle; not thread-safe, and plugins must not write it.
 */
public final class NodeTable {

    /** Row flag: the node is cordoned ({@code spec.unschedulable}). */
    public static final long UNSCHEDULABLE = 1;
    /** Row flag: the node has at least one taint, of any effect. */
    public static final long TAINTED = 2;

    private static final int STRIDE = 8;
    private static final int FLAGS = 0;
    private static final int FREE_PODS = 1;
    private static final int ALLOCATABLE_CPU = 2;
    private static final int REQUESTED_CPU = 3;
    private static final int ALLOCATABLE_MEMORY = 4;
    private static final int REQUESTED_MEMORY = 5;
    private static final int NON_ZERO_CPU = 6;
    private static final int NON_ZERO_MEMORY = 7;

    private NodeInfo[] nodes = new NodeInfo[0];
    private long[] rows = new long[0];

    /**
     * Rebuilds every row from {@code nodes}, which the table keeps (not copied) as its node array.
     *
     * @param nodes the snapshot's node array; not null, no null entries
     */
    public void reset(NodeInfo[] nodes) {
        this.nodes = nodes;
        if (rows.length != nodes.length * STRIDE) {
            rows = new long[nodes.length * STRIDE];
        }
        for (int i = 0; i < nodes.length; i++) {
            write(i, nodes[i]);
        }
    }

    /**
     * Rewrites row {@code row} from {@code info}, after the caller stored {@code info} at that index of the node
     * array given to {@link #reset}.
     *
     * @param row  the row index; within {@code 0..size()-1}
     * @param info the node's new info; not null
     */
    public void set(int row, NodeInfo info) {
        write(row, info);
    }

    private void write(int row, NodeInfo n) {
        int o = row * STRIDE;
        rows[o + FLAGS] = (n.unschedulable() ? UNSCHEDULABLE : 0) | (n.taints().isEmpty() ? 0 : TAINTED);
        rows[o + FREE_PODS] = n.allocatablePods() - n.podCount();
        rows[o + ALLOCATABLE_CPU] = n.allocatableMilliCpu();
        rows[o + REQUESTED_CPU] = n.requestedMilliCpu();
        rows[o + ALLOCATABLE_MEMORY] = n.allocatableMemory();
        rows[o + REQUESTED_MEMORY] = n.requestedMemory();
        rows[o + NON_ZERO_CPU] = n.nonZeroRequestedMilliCpu();
        rows[o + NON_ZERO_MEMORY] = n.nonZeroRequestedMemory();
    }

    /** The number of rows (nodes). */
    public int size() {
        return nodes.length;
    }

    /** The node of row {@code row}; for the nodes a table check cannot decide. */
    public NodeInfo node(int row) {
        return nodes[row];
    }

    /** The {@link #UNSCHEDULABLE} and {@link #TAINTED} flags of the row. */
    public long flags(int row) {
        return rows[row * STRIDE + FLAGS];
    }

    /** Allocatable pods minus the pods on the node (bound and assumed); may be negative. */
    public long freePods(int row) {
        return rows[row * STRIDE + FREE_PODS];
    }

    /** {@link NodeInfo#allocatableMilliCpu()} of the row's node. */
    public long allocatableMilliCpu(int row) {
        return rows[row * STRIDE + ALLOCATABLE_CPU];
    }

    /** {@link NodeInfo#requestedMilliCpu()} of the row's node. */
    public long requestedMilliCpu(int row) {
        return rows[row * STRIDE + REQUESTED_CPU];
    }

    /** {@link NodeInfo#allocatableMemory()} of the row's node. */
    public long allocatableMemory(int row) {
        return rows[row * STRIDE + ALLOCATABLE_MEMORY];
    }

    /** {@link NodeInfo#requestedMemory()} of the row's node. */
    public long requestedMemory(int row) {
        return rows[row * STRIDE + REQUESTED_MEMORY];
    }

    /** {@link NodeInfo#nonZeroRequestedMilliCpu()} of the row's node. */
    public long nonZeroRequestedMilliCpu(int row) {
        return rows[row * STRIDE + NON_ZERO_CPU];
    }

    /** {@link NodeInfo#nonZeroRequestedMemory()} of the row's node. */
    public long nonZeroRequestedMemory(int row) {
        return rows[row * STRIDE + NON_ZERO_MEMORY];
    }

    @Override
    public String toString() {
        return "NodeTable[" + nodes.length + " rows]";
    }
}
