package io.flotilla.api.scheduler;

/**
 * One plugin's scores for the feasible nodes of a cycle, indexed 0..{@link #size()}-1, writable in place by
 * {@link ScorePlugin#normalizeScore}. A view over the framework's reusable arrays — no allocation per node. Valid
 * only during the call; not thread-safe.
 */
public interface NodeScores {

    /** The number of scored nodes. */
    int size();

    /** The node at {@code index}. */
    NodeInfo node(int index);

    /** The score of the node at {@code index}. */
    long score(int index);

    /** Replaces the score of the node at {@code index}. */
    void setScore(int index, long score);

    /**
     * Kubernetes' {@code DefaultNormalizeScore}: scales scores so the highest becomes {@code maxPriority} (all stay
     * 0 if the highest is 0; all become {@code maxPriority} when {@code reverse} and the highest is 0), and with
     * {@code reverse} replaces each score {@code s} by {@code maxPriority - s}.
     *
     * @param scores      the scores to rescale in place; not null
     * @param maxPriority the target maximum, usually {@link ScorePlugin#MAX_NODE_SCORE}
     * @param reverse     whether lower raw scores are better
     */
    static void normalize(NodeScores scores, long maxPriority, boolean reverse) {
        long max = 0;
        for (int i = 0, n = scores.size(); i < n; i++) {
            max = Math.max(max, scores.score(i));
        }
        for (int i = 0, n = scores.size(); i < n; i++) {
            long s = max == 0 ? 0 : maxPriority * scores.score(i) / max;
            scores.setScore(i, reverse ? maxPriority - s : s);
        }
    }
}
