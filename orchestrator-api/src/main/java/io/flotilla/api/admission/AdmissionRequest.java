package io.flotilla.api.admission;

import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceType;
import java.util.Objects;
import java.util.Optional;

/**
 * One write as admission plugins see it, as Kubernetes' {@code AdmissionReview} request. Immutable.
 *
 * @param operation   what is being done
 * @param type        the object's kind
 * @param subresource {@code "status"} for a status write, {@code "binding"} for a pod's binding to a node (the
 *                    scheduler's {@code pods/binding}), else {@code null}
 * @param namespace   the object's namespace, {@code null} for cluster-scoped kinds
 * @param name        the object's name (already generated from {@code generateName} on create)
 * @param object      the object as it would be stored, after defaulting and earlier mutating plugins; {@code null}
 *                    for {@link AdmissionOperation#DELETE}
 * @param oldObject   the stored object for UPDATE and DELETE, {@code null} for CREATE
 * @param user        who asks: the field manager or controller name given to the API layer, never {@code null}
 *                    (empty when unknown)
 */
public record AdmissionRequest(AdmissionOperation operation, ResourceType<?> type, String subresource,
                               String namespace, String name, Resource object, Resource oldObject, String user) {

    /** Checks the required components. */
    public AdmissionRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(type, "type");
        user = user == null ? "" : user;
    }

    /**
     * The object as {@code javaType} when this request is about that kind: the usual first line of a plugin that
     * handles one kind, {@code request.object(Pod.class).ifPresent(pod -> ...)}.
     */
    public <T extends Resource> Optional<T> object(Class<T> javaType) {
        return javaType.isInstance(object) ? Optional.of(javaType.cast(object)) : Optional.empty();
    }

    /** The old object as {@code javaType} when this request is about that kind and has one. */
    public <T extends Resource> Optional<T> oldObject(Class<T> javaType) {
        return javaType.isInstance(oldObject) ? Optional.of(javaType.cast(oldObject)) : Optional.empty();
    }

    /** Whether this is a write of the status subresource. */
    public boolean isStatus() {
        return "status".equals(subresource);
    }
}
