package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.BindPlugin;
import io.flotilla.api.scheduler.ClusterEventWithHint;
import io.flotilla.api.scheduler.CycleState;
import io.flotilla.api.scheduler.EnqueueExtensions;
import io.flotilla.api.scheduler.FilterPlugin;
import io.flotilla.api.scheduler.NodeInfo;
import io.flotilla.api.scheduler.PermitPlugin;
import io.flotilla.api.scheduler.PermitResult;
import io.flotilla.api.scheduler.Plugin;
import io.flotilla.api.scheduler.PodInfo;
import io.flotilla.api.scheduler.PostBindPlugin;
import io.flotilla.api.scheduler.PostFilterPlugin;
import io.flotilla.api.scheduler.PostFilterResult;
import io.flotilla.api.scheduler.PreBindPlugin;
import io.flotilla.api.scheduler.PreFilterPlugin;
import io.flotilla.api.scheduler.PreScorePlugin;
import io.flotilla.api.scheduler.QueueSortPlugin;
import io.flotilla.api.scheduler.QueuedPodInfo;
import io.flotilla.api.scheduler.ReservePlugin;
import io.flotilla.api.scheduler.ScorePlugin;
import io.flotilla.api.scheduler.Status;
import io.flotilla.core.scheduler.table.TableCheck;
import io.flotilla.core.scheduler.table.TableFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/*
 * Design notes: one Framework per profile. Plugins are created once, sorted into one array per extension point
 * (arrays, not lists, so the per-node loops are plain indexed loops). The per-cycle flags "PreFilter said SKIP" and
 * "PreScore said SKIP" live in the CycleState (copied with it for preemption simulations). The scheduling
 * algorithm itself (filter over nodes, score, select) is in NodeSelection; this class runs the other points.
 */

/** The plugins of one profile, run in Kubernetes' order. Thread-safe for the runners used by binding threads. */
final class Framework {

    static final CycleState.Key<CycleFlags> FLAGS = CycleState.Key.of("framework/flags");

    /** Which plugins asked to be skipped in this cycle. */
    record CycleFlags(boolean[] skipFilter, boolean[] skipScore) implements CycleState.Copyable<CycleFlags> {
        @Override
        public CycleFlags copy() {
            return new CycleFlags(skipFilter.clone(), skipScore.clone());
        }
    }

    /** The outcome of the Permit plugins: proceed, a rejection or error, or wait on these plugins. */
    record PermitOutcome(Status status, List<String> waitingOn, Duration timeout) {
    }

    private final Profile profile;
    private final FrameworkHandle handle;
    final QueueSortPlugin queueSort;
    final PreFilterPlugin[] preFilters;
    final int[] preFilterToFilter;
    final FilterPlugin[] filters;
    final PostFilterPlugin[] postFilters;
    final PreScorePlugin[] preScores;
    final int[] preScoreToScore;
    final ScorePlugin[] scores;
    final long[] weights;
    final ReservePlugin[] reserves;
    final PermitPlugin[] permits;
    final PreBindPlugin[] preBinds;
    final BindPlugin[] binds;
    final PostBindPlugin[] postBinds;
    private final Map<String, List<ClusterEventWithHint>> events = new LinkedHashMap<>();
    private final Map<String, Plugin> plugins = new LinkedHashMap<>();

    Framework(Profile profile, Registry registry, FrameworkHandle handle) {
        this.profile = profile;
        this.handle = handle;
        handle.bind(this);
        for (Profile.PluginConfig c : profile.plugins()) {
            Plugin p = registry.factory(c.name()).create(c.args(), handle);
            if (p == null || !c.name().equals(p.name())) {
                throw new IllegalArgumentException("the factory of plugin " + c.name() + " made a plugin named "
                        + (p == null ? null : p.name()));
            }
            plugins.put(c.name(), p);
            if (p instanceof EnqueueExtensions e) {
                events.put(c.name(), List.copyOf(e.eventsToRegister()));
            }
        }
        List<QueueSortPlugin> sorts = at(ExtensionPoint.QUEUE_SORT, QueueSortPlugin.class);
        if (sorts.size() > 1) {
            throw new IllegalArgumentException("profile " + profile.schedulerName() + " enables more than one "
                    + "QueueSort plugin: " + sorts.stream().map(Plugin::name).toList());
        }
        queueSort = sorts.isEmpty() ? null : sorts.get(0);
        preFilters = array(ExtensionPoint.PRE_FILTER, PreFilterPlugin.class, PreFilterPlugin[]::new);
        filters = array(ExtensionPoint.FILTER, FilterPlugin.class, FilterPlugin[]::new);
        postFilters = array(ExtensionPoint.POST_FILTER, PostFilterPlugin.class, PostFilterPlugin[]::new);
        preScores = array(ExtensionPoint.PRE_SCORE, PreScorePlugin.class, PreScorePlugin[]::new);
        scores = array(ExtensionPoint.SCORE, ScorePlugin.class, ScorePlugin[]::new);
        weights = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            weights[i] = profile.plugin(scores[i].name()).orElseThrow().weight();
        }
        reserves = array(ExtensionPoint.RESERVE, ReservePlugin.class, ReservePlugin[]::new);
        permits = array(ExtensionPoint.PERMIT, PermitPlugin.class, PermitPlugin[]::new);
        preBinds = array(ExtensionPoint.PRE_BIND, PreBindPlugin.class, PreBindPlugin[]::new);
        BindPlugin[] b = array(ExtensionPoint.BIND, BindPlugin.class, BindPlugin[]::new);
        binds = b.length > 0 ? b : new BindPlugin[] {handle.defaultBinder()};
        postBinds = array(ExtensionPoint.POST_BIND, PostBindPlugin.class, PostBindPlugin[]::new);
        preFilterToFilter = indexes(preFilters, filters);
        preScoreToScore = indexes(preScores, scores);
    }

    String name() {
        return profile.schedulerName();
    }

    Profile profile() {
        return profile;
    }

    FrameworkHandle handle() {
        return handle;
    }

    /** Plugin name → its event subscriptions, for plugins implementing {@link EnqueueExtensions}. */
    Map<String, List<ClusterEventWithHint>> eventsToRegister() {
        return Collections.unmodifiableMap(events);
    }

    /** The queue order: the QueueSort plugin, or priority then age when the profile has none. */
    int compare(QueuedPodInfo a, QueuedPodInfo b) {
        if (queueSort != null) {
            return queueSort.compare(a, b);
        }
        int byPriority = Integer.compare(b.podInfo().priority(), a.podInfo().priority());
        return byPriority != 0 ? byPriority : a.timestamp().compareTo(b.timestamp());
    }

    CycleState newCycleState() {
        CycleState state = new CycleState();
        state.write(FLAGS, new CycleFlags(new boolean[filters.length], new boolean[scores.length]));
        return state;
    }

    /** Runs every Filter plugin not skipped in this cycle; the first failure, attributed, or success. */
    Status runFilters(CycleState state, PodInfo pod, NodeInfo node) {
        return runFilters(state, pod, node, activeFilters(state));
    }

    /** The indexes of the Filter plugins not skipped in this cycle, in order; computed once per cycle. */
    int[] activeFilters(CycleState state) {
        boolean[] skip = state.read(FLAGS).skipFilter();
        int n = 0;
        int[] active = new int[filters.length];
        for (int i = 0; i < filters.length; i++) {
            if (!skip[i]) {
                active[n++] = i;
            }
        }
        return n == active.length ? active : Arrays.copyOf(active, n);
    }

    /**
     * How this cycle filters over the node table: the conjunction of the checks of the active {@link TableFilter}s
     * that gave one, and the other active filters (in profile order), which still run node by node.
     */
    record TablePlan(TableCheck check, int[] perNode) {
    }

    /** Splits {@code active} into a {@link TablePlan}; a plugin whose tableCheck throws is run node by node. */
    TablePlan tablePlan(CycleState state, PodInfo pod, int[] active) {
        TableCheck check = TableCheck.ALWAYS;
        int[] rest = new int[active.length];
        int n = 0;
        for (int i : active) {
            TableCheck c = null;
            if (filters[i] instanceof TableFilter t) {
                try {
                    c = t.tableCheck(state, pod);
                } catch (RuntimeException e) {
                    c = null; // filter() will report it, node by node
                }
            }
            if (c == null) {
                rest[n++] = i;
            } else {
                check = check.and(c);
            }
        }
        return new TablePlan(check, n == rest.length ? rest : Arrays.copyOf(rest, n));
    }

    /** {@link #runFilters(CycleState, PodInfo, NodeInfo)} with the active plugins computed by the caller. */
    Status runFilters(CycleState state, PodInfo pod, NodeInfo node, int[] active) {
        for (int i : active) {
            Status s;
            try {
                s = filters[i].filter(state, pod, node);
            } catch (RuntimeException e) {
                s = Status.error(e);
            }
            if (!s.isSuccess()) {
                return s.withPlugin(filters[i].name());
            }
        }
        return Status.success();
    }

    Status runPreFilterAddPod(CycleState state, PodInfo pod, PodInfo added, NodeInfo node) {
        boolean[] skip = state.read(FLAGS).skipFilter();
        for (int i = 0; i < preFilters.length; i++) {
            int f = preFilterToFilter[i];
            if (f >= 0 && skip[f]) {
                continue;
            }
            Status s = preFilters[i].addPod(state, pod, added, node);
            if (!s.isSuccess()) {
                return s.withPlugin(preFilters[i].name());
            }
        }
        return Status.success();
    }

    Status runPreFilterRemovePod(CycleState state, PodInfo pod, PodInfo removed, NodeInfo node) {
        boolean[] skip = state.read(FLAGS).skipFilter();
        for (int i = 0; i < preFilters.length; i++) {
            int f = preFilterToFilter[i];
            if (f >= 0 && skip[f]) {
                continue;
            }
            Status s = preFilters[i].removePod(state, pod, removed, node);
            if (!s.isSuccess()) {
                return s.withPlugin(preFilters[i].name());
            }
        }
        return Status.success();
    }

    /** Runs PostFilter plugins until one succeeds (or returns a non-rejection). */
    PostFilterResult runPostFilter(CycleState state, PodInfo pod, Diagnosis diagnosis) {
        List<String> messages = new ArrayList<>();
        for (PostFilterPlugin p : postFilters) {
            PostFilterResult r;
            try {
                r = p.postFilter(state, pod, diagnosis);
            } catch (RuntimeException e) {
                r = PostFilterResult.of(Status.error(e));
            }
            if (r.status().isSuccess() || r.status().code() == Status.Code.ERROR) {
                return new PostFilterResult(r.status().withPlugin(p.name()), r.nominatedNodeName());
            }
            if (!r.status().message().isEmpty()) {
                messages.add(r.status().message());
            }
        }
        return PostFilterResult.of(Status.unschedulable(messages.toArray(String[]::new)));
    }

    /** Runs Reserve plugins in order; on the first failure unreserves all of them (in reverse) and returns it. */
    Status runReserve(CycleState state, PodInfo pod, String nodeName) {
        for (ReservePlugin p : reserves) {
            Status s;
            try {
                s = p.reserve(state, pod, nodeName);
            } catch (RuntimeException e) {
                s = Status.error(e);
            }
            if (!s.isSuccess()) {
                runUnreserve(state, pod, nodeName);
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    /** Unreserves every Reserve plugin, in reverse order; exceptions are swallowed (unreserve must not fail). */
    void runUnreserve(CycleState state, PodInfo pod, String nodeName) {
        for (int i = reserves.length - 1; i >= 0; i--) {
            try {
                reserves[i].unreserve(state, pod, nodeName);
            } catch (RuntimeException ignored) {
                // unreserve is best effort by contract
            }
        }
    }

    PermitOutcome runPermit(CycleState state, PodInfo pod, String nodeName) {
        List<String> waiting = List.of();
        Duration timeout = PermitResult.MAX_TIMEOUT;
        for (PermitPlugin p : permits) {
            PermitResult r;
            try {
                r = p.permit(state, pod, nodeName);
            } catch (RuntimeException e) {
                r = new PermitResult(Status.error(e), Duration.ZERO);
            }
            if (r.status().code() == Status.Code.WAIT) {
                waiting = waiting.isEmpty() ? new ArrayList<>() : waiting;
                waiting.add(p.name());
                timeout = r.timeout().compareTo(timeout) < 0 ? r.timeout() : timeout;
            } else if (!r.status().isSuccess()) {
                return new PermitOutcome(r.status().withPlugin(p.name()), List.of(), Duration.ZERO);
            }
        }
        return new PermitOutcome(waiting.isEmpty() ? Status.success() : Status.waiting(), waiting, timeout);
    }

    Status runPreBind(CycleState state, PodInfo pod, String nodeName) {
        for (PreBindPlugin p : preBinds) {
            Status s;
            try {
                s = p.preBind(state, pod, nodeName);
            } catch (RuntimeException e) {
                s = Status.error(e);
            }
            if (!s.isSuccess()) {
                return s.withPlugin(p.name());
            }
        }
        return Status.success();
    }

    Status runBind(CycleState state, PodInfo pod, String nodeName) {
        for (BindPlugin p : binds) {
            Status s;
            try {
                s = p.bind(state, pod, nodeName);
            } catch (RuntimeException e) {
                s = Status.error(e);
            }
            if (!s.isSkip()) {
                return s.isSuccess() ? s : s.withPlugin(p.name());
            }
        }
        return Status.error("no bind plugin bound the pod").withPlugin("framework");
    }

    void runPostBind(CycleState state, PodInfo pod, String nodeName) {
        for (PostBindPlugin p : postBinds) {
            try {
                p.postBind(state, pod, nodeName);
            } catch (RuntimeException ignored) {
                // informational only
            }
        }
    }

    private <T> List<T> at(ExtensionPoint point, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Profile.PluginConfig c : profile.plugins()) {
            Plugin p = plugins.get(c.name());
            if (type.isInstance(p) && c.enabledAt(point)) {
                out.add(type.cast(p));
            }
        }
        return out;
    }

    private <T> T[] array(ExtensionPoint point, Class<T> type, IntFunction<T[]> make) {
        return at(point, type).toArray(make);
    }

    private static int[] indexes(Plugin[] from, Plugin[] to) {
        int[] out = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            out[i] = -1;
            for (int j = 0; j < to.length; j++) {
                if (to[j].name().equals(from[i].name())) {
                    out[i] = j;
                }
            }
        }
        return out;
    }
}
