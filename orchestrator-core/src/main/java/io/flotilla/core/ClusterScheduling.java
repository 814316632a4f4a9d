package io.flotilla.core;

import io.flotilla.api.scheduler.PluginFactory;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.client.informer.SharedInformerFactory;
import io.flotilla.core.scheduler.Profile;
import io.flotilla.core.scheduler.Registry;
import io.flotilla.core.scheduler.Scheduler;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cluster's scheduler: the profiles and user plugins a {@link ClusterBuilder} collects, and the scheduler started
 * from them. The scheduler only runs when the cluster has nodes or scheduling was configured, so a control plane
 * without nodes has no periodic scheduler timers. Confined to the builder's thread until started; then thread-safe.
 */
final class ClusterScheduling implements AutoCloseable {
    private final List<Profile> profiles = new ArrayList<>();
    private final Registry registry = Registry.inTree();
    private boolean configured;
    private volatile Scheduler scheduler;

    void profile(Profile profile) {
        profiles.add(Objects.requireNonNull(profile, "profile"));
        configured = true;
    }

    void plugin(String name, PluginFactory factory) {
        registry.register(name, factory);
        configured = true;
    }

    void start(ApiServer api, SharedInformerFactory informers, Clock clock, EventRecorder recorder,
               MeterRegistry meters, boolean hasNodes) {
        if (!configured && !hasNodes) {
            return;
        }
        Scheduler.Builder builder = Scheduler.builder(api).clock(clock).registry(registry).informers(informers)
                .eventRecorder(recorder).meterRegistry(meters);
        profiles.forEach(builder::profile);
        Scheduler started = builder.build();
        started.start();
        scheduler = started;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        Scheduler started = scheduler;
        if (started != null) {
            started.close();
        }
    }
}
