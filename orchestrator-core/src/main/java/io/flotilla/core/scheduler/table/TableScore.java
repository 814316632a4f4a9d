package io.flotilla.core.scheduler.table;

import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.ScorePlugin;

/**
 * A Score plugin that can score a cycle's feasible nodes from their {@link NodeTable} rows in one call, with
 * exactly the results {@link #score} would give node by node (normalization still follows, through
 * {@link #normalizeScore}). Implemented by in-tree plugins only; thread-safe like any plugin.
 */
public interface TableScore extends ScorePlugin {

    /**
     * Scores the nodes of {@code rows[0..n)} into {@code out[0..n)}.
     *
     * @param state the cycle state after PreScore (read only); not null
     * @param pod   the pod being scheduled; not null
     * @param table the snapshot's table; not null
     * @param rows  the feasible nodes' rows; not null
     * @param n     how many of {@code rows} to score
     * @param out   where to write the raw scores; at least {@code n} long
     * @return false (having written nothing that counts) when this pod must be scored node by node
     */
    boolean scoreTable(CycleState state, PodInfo pod, NodeTable table, int[] rows, int n, long[] out);
}
