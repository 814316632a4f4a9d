package io.flotilla.api.validation;

import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.OwnerReference;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validation rules every kind shares, with Kubernetes' limits and wording: names, labels, annotations, ports,
 * uniqueness and object metadata. Stateless and thread-safe; each method adds problems to the given
 * {@link ValidationErrors} and returns whether the value was valid.
 */
public final class Checks {
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])*");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

    /** Longest DNS-1123 label. */
    public static final int DNS1123_LABEL_MAX = 63;
    /** Longest DNS-1123 subdomain. */
    public static final int DNS1123_SUBDOMAIN_MAX = 253;
    /** Largest total size of an object's annotations, in bytes. */
    public static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

    private static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or "
            + "'123-abc')";
    private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'example.com')";

    private Checks() {
    }

    /** A required string: present and not blank. */
    public static boolean required(String value, FieldPath path, ValidationErrors errors) {
        if (value == null || value.isBlank()) {
            errors.required(path, "");
            return false;
        }
        return true;
    }

    /** A DNS-1123 label such as a container, port or service name: at most 63 characters. */
    public static boolean dns1123Label(String value, FieldPath path, ValidationErrors errors) {
        if (value.length() > DNS1123_LABEL_MAX) {
            errors.invalid(path, value, "must be no more than " + DNS1123_LABEL_MAX + " characters");
            return false;
        }
        if (!Syntax.isDns1123Label(value, 0, value.length())) {
            errors.invalid(path, value, LABEL_MSG);
            return false;
        }
        return true;
    }

    /** A DNS-1123 subdomain such as most object names: at most 253 characters. */
    public static boolean dns1123Subdomain(String value, FieldPath path, ValidationErrors errors) {
        if (value.length() > DNS1123_SUBDOMAIN_MAX) {
            errors.invalid(path, value, "must be no more than " + DNS1123_SUBDOMAIN_MAX + " characters");
            return false;
        }
        if (!Syntax.isDns1123Subdomain(value)) {
            errors.invalid(path, value, SUBDOMAIN_MSG);
            return false;
        }
        return true;
    }

    /** A qualified name such as a label or annotation key: {@code [prefix/]name}. */
    public static boolean qualifiedName(String value, FieldPath path, ValidationErrors errors) {
        String name = value;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty()) {
                errors.invalid(path, value, "prefix part must be non-empty");
                return false;
            }
            if (prefix.length() > DNS1123_SUBDOMAIN_MAX || !Syntax.isDns1123Subdomain(prefix)) {
                errors.invalid(path, value, "prefix part " + SUBDOMAIN_MSG);
                return false;
            }
        }
        if (name.isEmpty() || name.length() > DNS1123_LABEL_MAX) {
            errors.invalid(path, value, "name part must be non-empty and no more than 63 characters");
            return false;
        }
        if (!Syntax.isQualifiedNamePart(name)) {
            errors.invalid(path, value, "name part must consist of alphanumeric characters, '-', '_' or '.', and "
                    + "must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
            return false;
        }
        return true;
    }

    /** A label value: empty, or at most 63 alphanumerics, '-', '_' and '.' starting and ending alphanumeric. */
    public static boolean labelValue(String value, FieldPath path, ValidationErrors errors) {
        if (value == null) {
            errors.invalid(path, null, "a label value must be a string (use \"\" for an empty value)");
            return false;
        }
        if (value.length() > DNS1123_LABEL_MAX) {
            errors.invalid(path, value, "must be no more than 63 characters");
            return false;
        }
        if (!(value.isEmpty() || Syntax.isQualifiedNamePart(value))) {
            errors.invalid(path, value, "a valid label must be an empty string or consist of alphanumeric "
                    + "characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                    + "(e.g. 'MyValue', or 'my_value', or '12345')");
            return false;
        }
        return true;
    }

    /** Every key of a label map is a qualified name and every value a label value. */
    public static boolean labels(Map<String, String> labels, FieldPath path, ValidationErrors errors) {
        boolean ok = true;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            ok &= qualifiedName(e.getKey(), path, errors);
            ok &= labelValue(e.getValue(), path.key(e.getKey()), errors);
        }
        return ok;
    }

    /** Every annotation key is a qualified name, and all of them together fit in 256 KiB. */
    public static boolean annotations(Map<String, String> annotations, FieldPath path, ValidationErrors errors) {
        boolean ok = true;
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            ok &= qualifiedName(e.getKey(), path, errors);
            size += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        }
        if (size > ANNOTATIONS_MAX_BYTES) {
            errors.add(new FieldError(path, FieldError.Type.TOO_LONG, null,
                    "must have at most " + ANNOTATIONS_MAX_BYTES + " bytes"));
            ok = false;
        }
        return ok;
    }

    /** A key of a ConfigMap or Secret: at most 253 alphanumerics, '-', '_' or '.'. */
    public static boolean configKey(String key, FieldPath path, ValidationErrors errors) {
        if (key.length() > DNS1123_SUBDOMAIN_MAX || !CONFIG_KEY.matcher(key).matches()) {
            errors.invalid(path, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
                    + "(e.g. 'key.name', or 'KEY_NAME', or 'key-name'), at most 253 characters");
            return false;
        }
        return true;
    }

    /** A port number from 1 to 65535. */
    public static boolean port(int port, FieldPath path, ValidationErrors errors) {
        if (port < 1 || port > 65535) {
            errors.invalid(path, port, "must be between 1 and 65535, inclusive");
            return false;
        }
        return true;
    }

    /** A port name (IANA service name): at most 15 lower-case alphanumerics and '-', with at least one letter. */
    public static boolean portName(String name, FieldPath path, ValidationErrors errors) {
        if (name.length() > 15 || !IANA_SVC_NAME.matcher(name).matches() || !HAS_LETTER.matcher(name).matches()
                || name.contains("--")) {
            errors.invalid(path, name, "must be no more than 15 characters, contain only lower case alphanumeric "
                    + "characters or '-', contain at least one letter, and not start or end with or repeat '-'");
            return false;
        }
        return true;
    }

    /** A number that must not be negative. */
    public static boolean nonNegative(Number value, FieldPath path, ValidationErrors errors) {
        if (value != null && value.longValue() < 0) {
            errors.invalid(path, value, "must be greater than or equal to 0");
            return false;
        }
        return true;
    }

    /** A number that must be positive. */
    public static boolean positive(Number value, FieldPath path, ValidationErrors errors) {
        if (value != null && value.longValue() <= 0) {
            errors.invalid(path, value, "must be greater than 0");
            return false;
        }
        return true;
    }

    /** A value that must be one of {@code supported}; {@code null} passes (use {@link #required} for presence). */
    public static boolean oneOf(String value, Collection<String> supported, FieldPath path, ValidationErrors errors) {
        if (value != null && !supported.contains(value)) {
            errors.add(FieldError.notSupported(path, value, supported));
            return false;
        }
        return true;
    }

    /**
     * Elements whose {@code key} repeats an earlier one's are reported as duplicates at
     * {@code path[i].keyField}; {@code null} keys are skipped (their absence is reported elsewhere).
     */
    public static <T> boolean unique(Collection<T> items, Function<T, ?> key, FieldPath path, String keyField,
                                     ValidationErrors errors) {
        Set<Object> seen = new HashSet<>();
        boolean ok = true;
        int i = 0;
        for (T item : items) {
            Object k = key.apply(item);
            if (k != null && !seen.add(k)) {
                errors.add(FieldError.duplicate(path.index(i).child(keyField), k));
                ok = false;
            }
            i++;
        }
        return ok;
    }

    /**
     * Object metadata: a name (or generateName) of the kind's format, a namespace exactly when the kind is
     * namespaced, valid labels, annotations and owner references.
     *
     * @param meta         the metadata
     * @param namespaced   whether the kind is namespaced
     * @param nameIsLabel  whether names must be DNS-1123 labels (such as Services, Namespaces) rather than
     *                     subdomains
     * @param errors       where problems go
     */
    public static void objectMeta(ObjectMeta meta, boolean namespaced, boolean nameIsLabel, ValidationErrors errors) {
        FieldPath path = FieldPath.of("metadata");
        if (meta.name() == null || meta.name().isEmpty()) {
            if (meta.generateName() == null || meta.generateName().isEmpty()) {
                errors.required(path.child("name"), "name or generateName is required");
            }
        } else if (nameIsLabel) {
            dns1123Label(meta.name(), path.child("name"), errors);
        } else {
            dns1123Subdomain(meta.name(), path.child("name"), errors);
        }
        if (meta.namespace() != null && !meta.namespace().isEmpty()) {
            if (!namespaced) {
                errors.add(FieldError.forbidden(path.child("namespace"), "not allowed on this type"));
            } else {
                dns1123Label(meta.namespace(), path.child("namespace"), errors);
            }
        }
        labels(meta.labels(), path.child("labels"), errors);
        annotations(meta.annotations(), path.child("annotations"), errors);
        int controllers = 0;
        for (int i = 0; i < meta.ownerReferences().size(); i++) {
            OwnerReference ref = meta.ownerReferences().get(i);
            FieldPath refPath = path.child("ownerReferences").index(i);
            required(ref.apiVersion(), refPath.child("apiVersion"), errors);
            required(ref.kind(), refPath.child("kind"), errors);
            required(ref.name(), refPath.child("name"), errors);
            required(ref.uid(), refPath.child("uid"), errors);
            controllers += ref.isController() ? 1 : 0;
        }
        if (controllers > 1) {
            errors.invalid(path.child("ownerReferences"), null, "only one reference can have Controller set to true");
        }
        for (int i = 0; i < meta.finalizers().size(); i++) {
            qualifiedName(meta.finalizers().get(i), path.child("finalizers").index(i), errors);
        }
    }
}
