package io.flotilla.api.scheduler;

/**
 * Ranks the nodes that passed Filter, like Kubernetes' {@code ScorePlugin} with its {@code ScoreExtensions}:
 * {@link #score} rates one node, then {@link #normalizeScore} may rescale all of a cycle's scores to
 * {@link #MIN_NODE_SCORE}..{@link #MAX_NODE_SCORE}; the framework multiplies each plugin's final scores by its
 * weight in the profile and sums them.
 *
 * <p>Performance: {@code score} returns a primitive {@code long} and is called once per feasible node, so scoring
 * allocates nothing. There is deliberately no per-node status: everything a plugin can reject belongs in Filter,
 * and everything it must check per pod belongs in {@link PreScorePlugin#preScore} (which may return an error). An
 * exception thrown from {@code score} is a bug: the framework turns it into an {@link Status.Code#ERROR} for the
 * pod, which is retried with backoff. May be called concurrently for different nodes of one cycle.
 */
public interface ScorePlugin extends Plugin {

    /** The lowest score a node may end with after normalization. */
    long MIN_NODE_SCORE = 0;
    /** The highest score a node may end with after normalization. */
    long MAX_NODE_SCORE = 100;

    /**
     * Scores one node.
     *
     * @param state the cycle state (read only here); not null
     * @param pod   the pod being scheduled; not null
     * @param node  a node that passed Filter; not null
     * @return the raw score; must be within 0..100 unless {@link #normalizeScore} rescales it
     */
    long score(CycleState state, PodInfo pod, NodeInfo node);

    /**
     * Rescales this plugin's raw scores of a cycle in place to 0..100. The default leaves them unchanged.
     *
     * @param scores the scores of every feasible node, writable; not null
     * @return success or an error; never null
     */
    default Status normalizeScore(CycleState state, PodInfo pod, NodeScores scores) {
        return Status.success();
    }
}
