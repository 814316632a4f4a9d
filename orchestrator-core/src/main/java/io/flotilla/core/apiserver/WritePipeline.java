package io.flotilla.core.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.PodSpec;
import io.flotilla.api.core.Secret;
import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.admission.AdmissionRequest;
import io.flotilla.api.admission.MutatingAdmission;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import io.flotilla.api.validation.ValidationErrors;
import io.flotilla.core.apiserver.defaults.BuiltInDefaults;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The steps every write goes through before the store, in kube-apiserver's order: defaulting, mutating admission,
 * the server's own fix-ups (fields users and plugins may not set), validation (the kind's validator plus the
 * write's own checks, such as immutable fields), validating admission. Thread-safe: immutable state plus a
 * thread-safe memo of the built-in defaults.
 */
final class WritePipeline {
    /**
     * The subresource of Kubernetes' {@code pods/binding}: admitted, but neither defaulted nor validated, since the
     * server itself sets the only fields it changes (the caller validates the node name).
     */
    static final String BINDING = "binding";
    private static final int DEFAULTED_CACHE_SIZE = 1024;

    private final Codec codec;
    // Built-in defaulting is a JSON round trip per write; it reads and writes only what is outside metadata and
    // status (see BuiltInDefaults), so its result is memoized on that part. Objects of one template (the pods of a
    // ReplicaSet) and repeated updates of one object's metadata then share one round trip. Bounded; never a
    // source of truth.
    private final Cache<Resource, Resource> defaulted = Caffeine.newBuilder().maximumSize(DEFAULTED_CACHE_SIZE)
            .build();
    // The pods of one ReplicaSet share its template's PodSpec instance: remembering the last spec by identity
    // spares hashing and comparing the whole spec for each of them (a cache with weak keys cost more than it saved
    // when every pod has its own spec).
    private volatile SpecMemo lastSpec;
    private final Map<ResourceType<?>, List<Defaulter<?>>> defaulters;
    private final List<MutatingAdmission> mutating;
    private final List<ValidatingAdmission> validating;

    WritePipeline(Codec codec, Map<ResourceType<?>, List<Defaulter<?>>> defaulters,
                  List<MutatingAdmission> mutating, List<ValidatingAdmission> validating) {
        this.codec = codec;
        this.defaulters = Map.copyOf(defaulters);
        this.mutating = List.copyOf(mutating);
        this.validating = List.copyOf(validating);
    }

    /**
     * One write.
     *
     * @param op          the operation
     * @param type        the kind
     * @param subresource {@code "status"}, {@link #BINDING} or {@code null}; subresource writes are not defaulted,
     *                    bindings not validated
     * @param object      the object as the caller sent it, with the server's fields already set
     * @param old         the stored object for updates, else {@code null}
     * @param user        who writes
     * @param fixup       re-imposes the server's fields after mutation
     * @param checks      the write's own validation, added to the kind's
     * @param <T>         the record type
     */
    record Write<T extends Resource>(AdmissionOperation op, ResourceType<T> type, String subresource, T object,
                                     T old, String user, UnaryOperator<T> fixup,
                                     BiConsumer<T, ValidationErrors> checks) {
    }

    /** Runs every step; returns the object to store. */
    <T extends Resource> T run(Write<T> write) {
        ResourceType<T> type = write.type();
        T object = write.subresource() == null ? defaults(type, write.object()) : write.object();
        for (MutatingAdmission plugin : mutating) {
            T current = object;
            AdmissionDecision decision = decide(plugin.name(), write, current,
                    () -> plugin.admit(request(write, current)));
            if (decision.object() != null) {
                object = changed(plugin.name(), type, object, decision.object());
            }
        }
        object = write.fixup().apply(object);
        if (!BINDING.equals(write.subresource())) {
            validate(write, object);
        }
        T admitted = object;
        for (ValidatingAdmission plugin : validating) {
            decide(plugin.name(), write, admitted, () -> plugin.validate(request(write, admitted)));
        }
        return object;
    }

    /** The kind's validation plus the write's own checks. */
    private static <T extends Resource> void validate(Write<T> write, T object) {
        ValidationErrors errors = new ValidationErrors();
        write.type().validator().validate(object, errors);
        write.checks().accept(object, errors);
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(Names.what(write.type(), object.metadata().name()), errors.list());
        }
    }

    /** Validating admission of a delete of {@code stored}. */
    <T extends Resource> void admitDelete(ResourceType<T> type, T stored, String user) {
        Write<T> write = new Write<>(AdmissionOperation.DELETE, type, null, null, stored, user,
                UnaryOperator.identity(), (o, e) -> { });
        for (ValidatingAdmission plugin : validating) {
            decide(plugin.name(), write, stored, () -> plugin.validate(request(write, null)));
        }
    }

    /** The kind's defaults: the built-in ones on the tree, then the user's. */
    @SuppressWarnings("unchecked")
    <T extends Resource> T defaults(ResourceType<T> type, T object) {
        T out = object;
        if (BuiltInDefaults.has(type.apiVersion(), type.kind())) {
            Function<Resource, Resource> apply = blank -> {
                ObjectNode tree = codec.tree(blank);
                BuiltInDefaults.apply(tree);
                return codec.fromTree(tree, type, Names.what(type, object.metadata().name()));
            };
            // Secrets are never kept in the memo: their data must not outlive the write in a cache.
            Resource done = object instanceof Secret ? apply.apply(Meta.blank(object)) : memoized(object, apply);
            out = Meta.withStatusOf(type, Meta.withMeta(type, type.javaType().cast(done), object.metadata()), object);
        }
        for (Defaulter<?> d : defaulters.getOrDefault(type, List.of())) {
            out = Objects.requireNonNull(((Defaulter<T>) d).apply(out), "a defaulter returned null");
        }
        return out;
    }

    private Resource memoized(Resource object, Function<Resource, Resource> apply) {
        PodSpec spec = object instanceof Pod pod ? pod.spec() : null;
        SpecMemo last = lastSpec;
        if (spec != null && last != null && last.spec() == spec) {
            return last.defaulted();
        }
        Resource done = defaulted.get(Meta.blank(object), apply);
        if (spec != null) {
            lastSpec = new SpecMemo(spec, done);
        }
        return done;
    }

    private static AdmissionRequest request(Write<?> write, Resource object) {
        Resource any = object != null ? object : write.old();
        return new AdmissionRequest(write.op(), write.type(), write.subresource(), any.metadata().namespace(),
                any.metadata().name(), object, write.old(), write.user());
    }

    private static AdmissionDecision decide(String plugin, Write<?> write, Resource object,
                                            java.util.function.Supplier<AdmissionDecision> call) {
        String name = object.metadata().name();
        AdmissionDecision decision;
        try {
            decision = Objects.requireNonNull(call.get(), "the plugin returned no decision");
        } catch (RuntimeException e) {
            throw new ApiException.Forbidden(Names.resource(write.type()), name,
                    "admission plugin \"" + plugin + "\" failed: " + e.getMessage());
        }
        if (decision.allowed()) {
            return decision;
        }
        if (decision.errors().isEmpty()) {
            throw new ApiException.Forbidden(Names.resource(write.type()), name,
                    "admission plugin \"" + plugin + "\" denied the request: " + decision.message());
        }
        throw new ApiException.Invalid(Names.what(write.type(), name) + " (admission plugin \"" + plugin + "\": "
                + decision.message() + ")", decision.errors());
    }

    private static <T extends Resource> T changed(String plugin, ResourceType<T> type, T before, Resource after) {
        if (!type.javaType().isInstance(after)
                || !Objects.equals(after.metadata().name(), before.metadata().name())
                || !Objects.equals(after.metadata().namespace(), before.metadata().namespace())) {
            throw new ApiException.Forbidden(Names.resource(type), before.metadata().name(),
                    "admission plugin \"" + plugin + "\" changed the object's kind, namespace or name");
        }
        return type.javaType().cast(after);
    }

    private record SpecMemo(PodSpec spec, Resource defaulted) {
    }
}
