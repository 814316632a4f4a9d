package io.flotilla.core.apiserver;

import io.flotilla.api.core.Namespace;
import io.flotilla.api.meta.HasStatus;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Small typed helpers over objects' metadata and status. Stateless and thread-safe. */
final class Meta {
    private Meta() {
    }

    /** {@code object} with other metadata, typed. */
    static <T extends Resource> T withMeta(ResourceType<T> type, T object, ObjectMeta meta) {
        return type.javaType().cast(object.withMetadata(meta));
    }

    /** {@code object} with {@code from}'s status (for kinds with a status), typed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends Resource> T withStatusOf(ResourceType<T> type, T object, T from) {
        if (object instanceof HasStatus target && from instanceof HasStatus source) {
            return type.javaType().cast(target.withStatus(source.status()));
        }
        return object;
    }

    /** Whether the kind has a status subresource. */
    static boolean hasStatus(ResourceType<?> type) {
        return HasStatus.class.isAssignableFrom(type.javaType());
    }

    /** {@code object} with the generation set. */
    static <T extends Resource> T withGeneration(ResourceType<T> type, T object, long generation) {
        return withMeta(type, object, object.metadata().toBuilder().generation(generation).build());
    }

    /** Whether anything but metadata and status differs. */
    static boolean specChanged(Resource a, Resource b) {
        return !Objects.equals(blank(a), blank(b));
    }

    /** {@code r} without metadata and status: what defaulting and {@link #specChanged} look at. */
    @SuppressWarnings("rawtypes")
    static Resource blank(Resource r) {
        Resource out = r.withMetadata(ObjectMeta.EMPTY);
        return out instanceof HasStatus h ? h.withStatus(null) : out;
    }

    /** Every finalizer that holds the object: its metadata's, plus a Namespace's spec finalizers. */
    static List<String> finalizers(Resource object) {
        if (object instanceof Namespace ns && !ns.spec().finalizers().isEmpty()) {
            List<String> all = new ArrayList<>(object.metadata().finalizers());
            all.addAll(ns.spec().finalizers());
            return all;
        }
        return object.metadata().finalizers();
    }

    /**
     * Whether a deleting object may now leave the store: no finalizer holds it and no grace period is running.
     */
    static boolean released(Resource object) {
        ObjectMeta m = object.metadata();
        Long grace = m.deletionGracePeriodSeconds();
        return m.isDeleting() && finalizers(object).isEmpty() && (grace == null || grace == 0);
    }

    static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
