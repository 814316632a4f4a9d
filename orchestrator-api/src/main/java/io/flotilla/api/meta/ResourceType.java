package io.flotilla.api.meta;

import io.flotilla.api.validation.Validator;
import java.util.Objects;

/**
 * Describes one kind of resource: its Java record type, {@code apiVersion}, {@code kind}, plural name, scope and
 * validation. Every built-in kind exposes one as a {@code TYPE} constant (for example {@code Pod.TYPE}); users
 * describe their own kinds the same way to register custom resources.
 *
 * @param javaType   the immutable record class
 * @param apiVersion group/version such as {@code apps/v1}
 * @param kind       the kind such as {@code Deployment}
 * @param plural     the lower-case plural such as {@code deployments}
 * @param namespaced whether objects live in a namespace (else they are cluster-scoped)
 * @param validator  the kind's validation, run on every write and every manifest load
 * @param <T>        the record type
 */
public record ResourceType<T extends Resource>(
        Class<T> javaType, String apiVersion, String kind, String plural, boolean namespaced,
        Validator<T> validator) {

    /** Checks that every component is present. */
    public ResourceType {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(validator, "validator");
    }

    /** The API group: the part of {@link #apiVersion()} before the slash, empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code kind} qualified by group as Kubernetes prints it in errors, such as {@code Deployment.apps}. */
    public String qualifiedKind() {
        return group().isEmpty() ? kind : kind + "." + group();
    }

    @Override
    public String toString() {
        return apiVersion + "/" + kind;
    }
}
