/**
 * The scheduler's node table: the per-node numbers that Filter and Score read for every sampled node (cordon and
 * taint flags, free pod slots, allocatable and requested CPU and memory), kept flat in one array row per node of
 * the cycle's snapshot, and the two optional interfaces through which in-tree plugins decide or score a whole
 * cycle's nodes from that table instead of one {@code NodeInfo} call per node. The table is an internal fast path
 * of the in-tree plugins; user plugins implement the ordinary {@code FilterPlugin} and {@code ScorePlugin} and are
 * called node by node as before.
 */
package io.flotilla.core.scheduler.table;
