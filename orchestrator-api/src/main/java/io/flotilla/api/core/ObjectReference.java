package io.flotilla.api.core;

import io.flotilla.api.meta.Resource;
import java.util.Objects;

/**
 * A reference to another object by kind, namespace and name (and optionally uid and version), as used by an
 * Event's {@code involvedObject}, an endpoint address's {@code targetRef}, a PersistentVolume's {@code claimRef} and
 * a CronJob's {@code status.active}. Immutable and thread-safe; every component may be {@code null} (unset).
 *
 * @param kind            the referent's kind, such as {@code Pod}
 * @param namespace       the referent's namespace; {@code null} for cluster-scoped kinds
 * @param name            the referent's name
 * @param uid             the referent's uid, pinning one incarnation of the name
 * @param apiVersion      the referent's group/version, such as {@code v1}
 * @param resourceVersion the referent's version at the time the reference was made
 * @param fieldPath       a field of the referent, such as {@code spec.containers{web}}, when the reference is to a part
 */
public record ObjectReference(String kind, String namespace, String name, String uid, String apiVersion,
                              String resourceVersion, String fieldPath) {

    /**
     * A reference by kind, namespace and name only.
     *
     * @param kind      the kind; may be {@code null}
     * @param namespace the namespace; {@code null} for cluster-scoped objects
     * @param name      the name; may be {@code null}
     */
    public static ObjectReference of(String kind, String namespace, String name) {
        return new ObjectReference(kind, namespace, name, null, null, null, null);
    }

    /**
     * A full reference to {@code resource}: its kind, apiVersion, namespace, name, uid and resourceVersion.
     *
     * @throws NullPointerException if {@code resource} is {@code null}
     */
    public static ObjectReference to(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        var m = resource.metadata();
        return new ObjectReference(resource.kind(), m.namespace(), m.name(), m.uid(), resource.apiVersion(),
                m.resourceVersion(), null);
    }

    /** A copy pointing at a part of the referent, such as {@code spec.containers{web}}. */
    public ObjectReference withFieldPath(String fieldPath) {
        return new ObjectReference(kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath);
    }

    /**
     * Whether this reference names {@code resource}: same kind, namespace and name, and the same uid when this
     * reference has one.
     */
    public boolean refersTo(Resource resource) {
        var m = resource.metadata();
        return Objects.equals(kind, resource.kind()) && Objects.equals(namespace, m.namespace())
                && Objects.equals(name, m.name()) && (uid == null || uid.equals(m.uid()));
    }
}
