package io.flotilla.core.apiserver;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.core.Namespace;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodCondition;
import io.flotilla.api.core.PodStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import io.flotilla.core.apiserver.WritePipeline.Write;
import io.flotilla.core.apiserver.gc.GarbageCollector;
import io.flotilla.core.apiserver.namespace.NamespaceController;
import io.flotilla.core.store.ListOptions;
import io.flotilla.core.store.ListResult;
import io.flotilla.core.store.ObjectStore;
import io.flotilla.core.store.StoreException;
import io.flotilla.core.store.Watch;
import io.flotilla.core.store.WatchListener;
import io.flotilla.core.store.WatchOptions;
import io.flotilla.core.time.Clock;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ApiServer} over an {@link ObjectStore}.
 *
 * <p>Design notes: every write reads the stored object, builds the new one from it (the server's metadata, the
 * status or the spec it keeps), runs the {@link WritePipeline} and writes with the stored resourceVersion as the
 * expected one, so a concurrent write shows up as the store's {@code Conflict}; writes whose caller gave no
 * resourceVersion are retried on such conflicts, as Kubernetes' unconditional updates are. "Read or NotFound" uses
 * the store's no-op read-modify-write ({@code update} with the identity), whose {@code NotFound} names the object
 * as Kubernetes does; it never writes. The object is thread-safe: it holds only immutable or thread-safe state.
 */
final class StoreApiServer implements ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(StoreApiServer.class);
    /** The namespaces Kubernetes creates at start. */
    static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");
    private static final int MAX_ATTEMPTS = 64;
    private static final int NAME_ATTEMPTS = 8;

    private final ObjectStore store;
    private final ResourceTypes types;
    private final Clock clock;
    private final RandomGenerator random;
    private final Codec codec;
    private final WritePipeline pipeline;
    private final KindRules rules;
    private final ApiMetrics metrics;
    private final Deleter deleter;
    private final Applier applier;
    private final List<AutoCloseable> controllers = new ArrayList<>();

    private StoreApiServer(ApiServerBuilder b) {
        this.store = b.store;
        this.types = b.types;
        this.clock = b.clock == null ? Clock.system() : b.clock;
        this.random = b.random == null ? new SecureRandom() : b.random;
        this.codec = new Codec(types);
        this.pipeline = new WritePipeline(codec, b.defaulters, b.mutating, b.validating);
        this.rules = new KindRules(codec);
        this.metrics = new ApiMetrics(b.meterRegistry);
        this.deleter = new Deleter(store, clock, pipeline);
        this.applier = new Applier(this, store, codec);
    }

    static ApiServer start(ApiServerBuilder builder) {
        StoreApiServer api = new StoreApiServer(builder);
        api.createSystemNamespaces();
        if (builder.backgroundControllers) {
            synchronized (api.controllers) {
                api.controllers.add(GarbageCollector.create(api, api.clock).start());
                api.controllers.add(NamespaceController.create(api, api.clock).start());
            }
        }
        return api;
    }

    private void createSystemNamespaces() {
        for (String name : SYSTEM_NAMESPACES) {
            if (store.get(Namespace.TYPE, null, name).isEmpty()) {
                try {
                    create(Namespace.named(name).build(), "system:apiserver");
                } catch (StoreException.AlreadyExists raced) {
                    // another server on the same store created it first
                }
            }
        }
    }

    @Override
    public ResourceTypes types() {
        return types;
    }

    @Override
    public long revision() {
        return store.revision();
    }

    // ---- reads

    @Override
    public <T extends Resource> Optional<T> get(ResourceType<T> type, String namespace, String name) {
        served(type, name);
        return metrics.record("get", type, () -> store.get(type, namespaceOf(type, namespace), name));
    }

    @Override
    public <T extends Resource> ListResult<T> list(ResourceType<T> type, ListOptions options) {
        served(type, "");
        return metrics.record("list", type, () -> store.list(type, options));
    }

    @Override
    public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options) {
        served(type, "");
        return metrics.record("watch", type, () -> store.watch(type, options));
    }

    @Override
    public <T extends Resource> Watch<T> watch(ResourceType<T> type, WatchOptions options,
                                               WatchListener<T> listener) {
        served(type, "");
        return metrics.record("watch", type, () -> store.watch(type, options, listener));
    }

    // ---- create

    @Override
    public <T extends Resource> T create(T object) {
        return create(object, "");
    }

    <T extends Resource> T create(T object, String user) {
        ResourceType<T> type = typeOf(object);
        return metrics.record("create", type, () -> doCreate(type, object, user));
    }

    private <T extends Resource> T doCreate(ResourceType<T> type, T object, String user) {
        ObjectMeta meta = object.metadata();
        String namespace = namespaceOf(type, meta.namespace());
        boolean generate = Meta.isBlank(meta.name()) && !Meta.isBlank(meta.generateName());
        if (type.namespaced() && namespace != null) {
            requireActiveNamespace(type, namespace, generate ? meta.generateName() : meta.name());
        }
        for (int attempt = 1; ; attempt++) {
            String name = generate ? Names.generate(meta.generateName(), random) : meta.name();
            String uid = Names.uid(random);
            Instant created = now();
            UnaryOperator<ObjectMeta> stamp = m -> m.toBuilder().name(name).namespace(namespace).uid(uid)
                    .resourceVersion(null).generation(1L).creationTimestamp(created).deletionTimestamp(null)
                    .deletionGracePeriodSeconds(null).build();
            UnaryOperator<T> fixup = o -> Meta.withMeta(type, o, stamp.apply(o.metadata()));
            T prepared = rules.prepareForCreate(type, fixup.apply(object));
            T admitted = pipeline.run(new Write<>(AdmissionOperation.CREATE, type, null, prepared, null, user, fixup,
                    (o, errors) -> { }));
            try {
                return store.create(admitted);
            } catch (StoreException.AlreadyExists clash) {
                if (!generate || attempt >= NAME_ATTEMPTS) {
                    throw clash;
                }
            }
        }
    }

    private void requireActiveNamespace(ResourceType<?> type, String namespace, String name) {
        Namespace ns = require(Namespace.TYPE, null, namespace);
        if (ns.metadata().isDeleting() || ns.isTerminating()) {
            throw new ApiException.Forbidden(Names.resource(type), name, "unable to create new content in namespace "
                    + namespace + " because it is being terminated");
        }
    }

    // ---- update

    @Override
    public <T extends Resource> T update(T object) {
        return update(object, "");
    }

    <T extends Resource> T update(T object, String user) {
        ResourceType<T> type = typeOf(object);
        return metrics.record("update", type, () -> retrying(type, object, stored -> {
            KindRules.checkIdentity(type, stored, object);
            return writeUpdate(type, stored, object, user);
        }));
    }

    @Override
    public <T extends Resource> T update(ResourceType<T> type, String namespace, String name,
                                         UnaryOperator<T> change) {
        return changing(type, namespace, name, change, this::update);
    }

    private <T extends Resource> T writeUpdate(ResourceType<T> type, T stored, T object, String user) {
        ObjectMeta sm = stored.metadata();
        String rv = expectedVersion(object, stored);
        UnaryOperator<T> fixup = o -> Meta.withStatusOf(type, Meta.withMeta(type, o, o.metadata().toBuilder()
                .name(sm.name()).namespace(sm.namespace()).uid(sm.uid()).resourceVersion(rv)
                .generation(sm.generation()).creationTimestamp(sm.creationTimestamp())
                .deletionTimestamp(sm.deletionTimestamp()).deletionGracePeriodSeconds(sm.deletionGracePeriodSeconds())
                .build()), stored);
        T start = rules.prepareForUpdate(type, stored, fixup.apply(object));
        T next = pipeline.run(new Write<>(AdmissionOperation.UPDATE, type, null, start, stored, user, fixup,
                (o, errors) -> rules.checkUpdate(type, stored, o, errors)));
        long generation = sm.generation() == null ? 1 : sm.generation();
        next = Meta.withGeneration(type, next, Meta.specChanged(stored, next) ? generation + 1 : generation);
        return deleter.finishIfReleased(type, store.update(next));
    }

    // ---- status

    @Override
    public <T extends Resource> T updateStatus(T object) {
        return updateStatus(object, "");
    }

    <T extends Resource> T updateStatus(T object, String user) {
        ResourceType<T> type = typeOf(object);
        requireStatus(type);
        return metrics.record("updateStatus", type, () -> retrying(type, object, stored -> {
            String rv = expectedVersion(object, stored);
            UnaryOperator<T> fixup = o -> Meta.withStatusOf(type,
                    Meta.withMeta(type, stored, stored.metadata().withResourceVersion(rv)), o);
            T next = pipeline.run(new Write<>(AdmissionOperation.UPDATE, type, "status", fixup.apply(object), stored,
                    user, fixup, (o, errors) -> { }));
            return store.update(next);
        }));
    }

    @Override
    public <T extends Resource> T updateStatus(ResourceType<T> type, String namespace, String name,
                                               UnaryOperator<T> change) {
        requireStatus(type);
        return changing(type, namespace, name, change, this::updateStatus);
    }

    // ---- binding

    @Override
    public Pod bind(String namespace, String name, String nodeName) {
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("nodeName must not be blank");
        }
        served(Pod.TYPE, name);
        requireNodeName(name, nodeName);
        String ns = namespaceOf(Pod.TYPE, namespace);
        return metrics.record("bind", Pod.TYPE, () -> {
            for (int attempt = 1; ; attempt++) {
                Pod stored = require(Pod.TYPE, ns, name);
                if (!Meta.isBlank(stored.nodeName()) || stored.metadata().deletionTimestamp() != null) {
                    return stored;
                }
                PodStatus status = stored.status() == null ? PodStatus.of(PodStatus.PENDING) : stored.status();
                long generation = stored.metadata().generation() == null ? 1 : stored.metadata().generation();
                Pod bound = Meta.withGeneration(Pod.TYPE, stored.withSpec(stored.spec().withNodeName(nodeName)),
                        generation + 1).withStatus(status.withCondition(
                        PodCondition.of(PodCondition.POD_SCHEDULED, PodCondition.TRUE, now())));
                // admission may look, but the binding writes exactly these two fields
                Pod next = pipeline.run(new Write<>(AdmissionOperation.UPDATE, Pod.TYPE, WritePipeline.BINDING, bound,
                        stored, "", o -> bound, (o, errors) -> { }));
                try {
                    return store.update(next);
                } catch (StoreException.Conflict e) {
                    if (attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
    }

    /**
     * The one field a binding brings: the pod was valid when stored and the server sets the rest, so this is all
     * the validation a binding needs (the same error the pod's full validation gave for a bad node name).
     */
    private static void requireNodeName(String pod, String nodeName) {
        ValidationErrors errors = new ValidationErrors();
        if (!Checks.dns1123Subdomain(nodeName, FieldPath.of("spec.nodeName"), errors)) {
            throw new ApiException.Invalid(Names.what(Pod.TYPE, pod), errors.list());
        }
    }

    private static void requireStatus(ResourceType<?> type) {
        if (!Meta.hasStatus(type)) {
            throw new IllegalArgumentException(type.qualifiedKind() + " has no status subresource");
        }
    }

    // ---- delete

    @Override
    public <T extends Resource> T delete(ResourceType<T> type, String namespace, String name, DeleteOptions options) {
        Objects.requireNonNull(options, "options");
        served(type, name);
        String ns = namespaceOf(type, namespace);
        return metrics.record("delete", type, () -> {
            for (int attempt = 1; ; attempt++) {
                T stored = require(type, ns, name);
                try {
                    return deleter.delete(type, stored, options, "");
                } catch (StoreException.Conflict e) {
                    if (options.preconditions().resourceVersion() != null || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
    }

    // ---- apply

    @Override
    public <T extends Resource> T apply(T desired, String fieldManager) {
        Objects.requireNonNull(fieldManager, "fieldManager");
        ResourceType<T> type = typeOf(desired);
        return metrics.record("apply", type, () -> applier.apply(type, desired, fieldManager));
    }

    // ---- helpers

    /** Runs a write against the stored object, retrying on conflicts when the caller gave no resourceVersion. */
    private <T extends Resource> T retrying(ResourceType<T> type, T object, java.util.function.Function<T, T> write) {
        String name = object.metadata().name();
        if (Meta.isBlank(name)) {
            throw new ApiException.Invalid(Names.what(type, ""), List.of(FieldError.required(
                    FieldPath.of("metadata.name"), "name is required")));
        }
        String namespace = namespaceOf(type, object.metadata().namespace());
        boolean conditional = !Meta.isBlank(object.metadata().resourceVersion());
        for (int attempt = 1; ; attempt++) {
            T stored = require(type, namespace, name);
            try {
                return write.apply(stored);
            } catch (StoreException.Conflict e) {
                if (conditional || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Read-modify-write with retries, for the {@code UnaryOperator} forms of update and updateStatus. */
    private <T extends Resource> T changing(ResourceType<T> type, String namespace, String name,
                                            UnaryOperator<T> change, java.util.function.Function<T, T> write) {
        Objects.requireNonNull(change, "change");
        served(type, name);
        String ns = namespaceOf(type, namespace);
        for (int attempt = 1; ; attempt++) {
            T current = require(type, ns, name);
            T next = Objects.requireNonNull(change.apply(current), "change returned null");
            if (next.equals(current)) {
                return current;
            }
            try {
                return write.apply(Meta.withMeta(type, next,
                        next.metadata().withResourceVersion(current.metadata().resourceVersion())));
            } catch (StoreException.Conflict e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static <T extends Resource> String expectedVersion(T object, T stored) {
        String rv = object.metadata().resourceVersion();
        return Meta.isBlank(rv) ? stored.metadata().resourceVersion() : rv;
    }

    /** The stored object, or the store's {@code NotFound} naming it (a no-op read-modify-write never writes). */
    <T extends Resource> T require(ResourceType<T> type, String namespace, String name) {
        return store.get(type, namespace, name).orElseThrow(() -> StoreException.notFound(type, name));
    }

    @SuppressWarnings("unchecked")
    private <T extends Resource> ResourceType<T> typeOf(T object) {
        Objects.requireNonNull(object, "object");
        ResourceType<T> type = (ResourceType<T>) object.type();
        served(type, object.metadata().name());
        return type;
    }

    private void served(ResourceType<?> type, String name) {
        Objects.requireNonNull(type, "type");
        Optional<ResourceType<?>> found = types.find(type.apiVersion(), type.kind());
        if (found.isEmpty() || !found.get().javaType().equals(type.javaType())) {
            throw new ApiException.Invalid(Names.what(type, name), List.of(FieldError.notSupported(
                    FieldPath.of("kind"), type.kind(), types.kindNames())));
        }
    }

    /** The namespace an object of {@code type} lives in: {@code default} when unset, none if cluster-scoped. */
    static String namespaceOf(ResourceType<?> type, String namespace) {
        if (!type.namespaced()) {
            return null;
        }
        return Meta.isBlank(namespace) ? Namespace.DEFAULT : namespace;
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void close() {
        List<AutoCloseable> running;
        synchronized (controllers) {
            running = List.copyOf(controllers);
            controllers.clear();
        }
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed", c, e);
            }
        }
    }

    @Override
    public String toString() {
        return "ApiServer[" + types.all().size() + " kinds, revision " + store.revision() + "]";
    }
}
