package io.flotilla.core.apiserver;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.admission.MutatingAdmission;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Builds an {@link ApiServer}. Only the store is required:
 *
 * <pre>{@code
 * ApiServer api = ApiServer.builder()
 *     .store(store)
 *     .clock(clock)
 *     .validatingAdmission(needsTeamLabel)
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe; every method returns {@code this}. {@link #build()} creates the system namespaces
 * ({@code default}, {@code kube-system}, {@code kube-public}, {@code kube-node-lease}) if absent and, unless
 * {@link #backgroundControllers(boolean) turned off}, starts the garbage collector and the namespace controller.
 */
public final class ApiServerBuilder {
    ObjectStore store;
    ResourceTypes types = ResourceTypes.builtIn();
    Clock clock;
    MeterRegistry meterRegistry;
    RandomGenerator random;
    boolean backgroundControllers = true;
    final List<MutatingAdmission> mutating = new ArrayList<>();
    final List<ValidatingAdmission> validating = new ArrayList<>();
    final Map<ResourceType<?>, List<Defaulter<?>>> defaulters = new LinkedHashMap<>();

    ApiServerBuilder() {
    }

    /** The store to serve; required. */
    public ApiServerBuilder store(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    /** The kinds to serve, built-in plus custom ones; default {@link ResourceTypes#builtIn()}. */
    public ApiServerBuilder types(ResourceTypes types) {
        this.types = Objects.requireNonNull(types, "types");
        return this;
    }

    /** The clock for timestamps; default {@link Clock#system()}. */
    public ApiServerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Where to record request counts and latency by verb and kind; default none. */
    public ApiServerBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** The source of uids and generated names; default a {@link SecureRandom}. Tests may pass a seeded one. */
    public ApiServerBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Whether {@link #build()} starts the garbage collector and namespace controller on background threads (default
     * {@code true}). Tests that drive them synchronously turn this off and use
     * {@link io.flotilla.core.apiserver.gc.GarbageCollector} and
     * {@link io.flotilla.core.apiserver.namespace.NamespaceController} directly.
     */
    public ApiServerBuilder backgroundControllers(boolean start) {
        this.backgroundControllers = start;
        return this;
    }

    /** Adds a mutating admission plugin; plugins run in the order added. */
    public ApiServerBuilder mutatingAdmission(MutatingAdmission plugin) {
        mutating.add(Objects.requireNonNull(plugin, "plugin"));
        return this;
    }

    /** Adds a validating admission plugin; plugins run in the order added. */
    public ApiServerBuilder validatingAdmission(ValidatingAdmission plugin) {
        validating.add(Objects.requireNonNull(plugin, "plugin"));
        return this;
    }

    /**
     * Adds a defaulter for a kind; it runs after the built-in defaults of that kind, in the order added.
     */
    public <T extends Resource> ApiServerBuilder defaulter(ResourceType<T> type, Defaulter<T> defaulter) {
        Objects.requireNonNull(type, "type");
        defaulters.computeIfAbsent(type, t -> new ArrayList<>()).add(Objects.requireNonNull(defaulter, "defaulter"));
        return this;
    }

    /**
     * The API server.
     *
     * @throws IllegalStateException if no store was given
     */
    public ApiServer build() {
        if (store == null) {
            throw new IllegalStateException("an ApiServer needs a store");
        }
        return StoreApiServer.start(this);
    }
}
