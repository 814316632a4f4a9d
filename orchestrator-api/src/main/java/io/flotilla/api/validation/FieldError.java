package io.flotilla.api.validation;

import java.util.Objects;

/**
 * One problem with one field, printed as Kubernetes prints it:
 * {@code spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535}.
 *
 * @param path   where the problem is
 * @param type   what kind of problem
 * @param value  the offending value as the user wrote it, or {@code null} when there is none to show (required
 *               fields, and secret values, which are never shown)
 * @param detail what is expected, in the user's terms; may be empty
 */
public record FieldError(FieldPath path, Type type, Object value, String detail) {

    /** The kinds of problem, with Kubernetes' wording. */
    public enum Type {
        /** A value is missing. */
        REQUIRED("Required value"),
        /** A value is malformed or out of range. */
        INVALID("Invalid value"),
        /** A value repeats one that must be unique. */
        DUPLICATE("Duplicate value"),
        /** A value is not one of the allowed choices. */
        NOT_SUPPORTED("Unsupported value"),
        /** A value is not allowed here. */
        FORBIDDEN("Forbidden"),
        /** A field does not exist in the schema. */
        UNKNOWN_FIELD("Unknown field"),
        /** A value is longer than allowed. */
        TOO_LONG("Too long"),
        /** Something referred to does not exist. */
        NOT_FOUND("Not found");

        private final String text;

        Type(String text) {
            this.text = text;
        }

        /** Kubernetes' wording for this type, such as {@code Invalid value}. */
        public String text() {
            return text;
        }
    }

    /** Checks that path, type and detail are present. */
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        detail = detail == null ? "" : detail;
    }

    /** {@code path: Invalid value: value: detail}. */
    public static FieldError invalid(FieldPath path, Object value, String detail) {
        return new FieldError(path, Type.INVALID, value, detail);
    }

    /** {@code path: Required value: detail}. */
    public static FieldError required(FieldPath path, String detail) {
        return new FieldError(path, Type.REQUIRED, null, detail);
    }

    /** {@code path: Duplicate value: value}. */
    public static FieldError duplicate(FieldPath path, Object value) {
        return new FieldError(path, Type.DUPLICATE, value, "");
    }

    /** {@code path: Unsupported value: value: supported values: "a", "b"}. */
    public static FieldError notSupported(FieldPath path, Object value, java.util.Collection<String> supported) {
        StringBuilder detail = new StringBuilder("supported values: ");
        String sep = "";
        for (String s : supported) {
            detail.append(sep).append('"').append(s).append('"');
            sep = ", ";
        }
        return new FieldError(path, Type.NOT_SUPPORTED, value, detail.toString());
    }

    /** {@code path: Forbidden: detail}. */
    public static FieldError forbidden(FieldPath path, String detail) {
        return new FieldError(path, Type.FORBIDDEN, null, detail);
    }

    /** {@code path: Not found: value}. */
    public static FieldError notFound(FieldPath path, Object value) {
        return new FieldError(path, Type.NOT_FOUND, value, "");
    }

    /** The error as Kubernetes prints it; strings are quoted, absent values left out. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (!path.isRoot()) {
            out.append(path).append(": ");
        }
        out.append(type.text());
        if (value != null) {
            out.append(": ").append(value instanceof CharSequence ? "\"" + value + "\"" : value);
        }
        if (!detail.isEmpty()) {
            out.append(": ").append(detail);
        }
        return out.toString();
    }
}
