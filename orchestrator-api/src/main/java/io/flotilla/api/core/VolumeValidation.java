package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation of pod volumes and their sources. Stateless. */
final class VolumeValidation {
    private static final int MAX_MODE = 0777;

    private VolumeValidation() {
    }

    /** Validates the volumes and returns the names of the well-named ones, which mounts may refer to. */
    static Set<String> volumes(List<Volume> volumes, FieldPath path, ValidationErrors errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            FieldPath at = path.index(i);
            FieldPath name = at.child("name");
            if (Checks.required(v.name(), name, errors) && Checks.dns1123Label(v.name(), name, errors)
                    && !names.add(v.name())) {
                errors.add(FieldError.duplicate(name, v.name()));
            }
            source(v, at, errors);
        }
        return names;
    }

    private static void source(Volume v, FieldPath at, ValidationErrors errors) {
        Map<String, Object> set = new LinkedHashMap<>();
        put(set, "hostPath", v.hostPath());
        put(set, "emptyDir", v.emptyDir());
        put(set, "secret", v.secret());
        put(set, "persistentVolumeClaim", v.persistentVolumeClaim());
        put(set, "downwardAPI", v.downwardAPI());
        put(set, "configMap", v.configMap());
        if (set.isEmpty()) {
            errors.required(at, "must specify a volume type");
            return;
        }
        boolean first = true;
        for (Map.Entry<String, Object> e : set.entrySet()) {
            FieldPath path = at.child(e.getKey());
            if (!first) {
                errors.add(FieldError.forbidden(path, "may not specify more than 1 volume type"));
                continue;
            }
            first = false;
            switch (e.getValue()) {
                case HostPathVolumeSource h -> hostPath(h, path, errors);
                case EmptyDirVolumeSource d -> emptyDir(d, path, errors);
                case SecretVolumeSource s -> projected(s.secretName(), "secretName", s.items(), s.defaultMode(),
                        path, errors);
                case ConfigMapVolumeSource c -> projected(c.name(), "name", c.items(), c.defaultMode(), path,
                        errors);
                case PersistentVolumeClaimVolumeSource p ->
                        ContainerValidation.objectName(p.claimName(), path.child("claimName"), errors);
                case DownwardAPIVolumeSource d -> downwardAPI(d, path, errors);
                default -> throw new IllegalStateException("unknown volume source " + e.getKey());
            }
        }
    }

    private static void put(Map<String, Object> set, String name, Object source) {
        if (source != null) {
            set.put(name, source);
        }
    }

    private static void hostPath(HostPathVolumeSource h, FieldPath path, ValidationErrors errors) {
        if (Checks.required(h.path(), path.child("path"), errors) && !h.path().startsWith("/")) {
            errors.invalid(path.child("path"), h.path(), "must be an absolute path");
        }
        Checks.oneOf(h.type(), HostPathVolumeSource.TYPES, path.child("type"), errors);
    }

    private static void emptyDir(EmptyDirVolumeSource d, FieldPath path, ValidationErrors errors) {
        Checks.oneOf(d.medium(), EmptyDirVolumeSource.MEDIUMS, path.child("medium"), errors);
        if (d.sizeLimit() != null && d.sizeLimit().value().signum() < 0) {
            errors.invalid(path.child("sizeLimit"), d.sizeLimit().toString(), "must be greater than or equal to 0");
        }
    }

    private static void projected(String name, String nameField, List<KeyToPath> items, Integer defaultMode,
                                  FieldPath path, ValidationErrors errors) {
        ContainerValidation.objectName(name, path.child(nameField), errors);
        mode(defaultMode, path.child("defaultMode"), errors);
        for (int i = 0; i < items.size(); i++) {
            KeyToPath item = items.get(i);
            FieldPath at = path.child("items").index(i);
            if (Checks.required(item.key(), at.child("key"), errors)) {
                Checks.configKey(item.key(), at.child("key"), errors);
            }
            if (Checks.required(item.path(), at.child("path"), errors)) {
                relativePath(item.path(), at.child("path"), errors);
            }
            mode(item.mode(), at.child("mode"), errors);
        }
    }

    private static void downwardAPI(DownwardAPIVolumeSource d, FieldPath path, ValidationErrors errors) {
        mode(d.defaultMode(), path.child("defaultMode"), errors);
        for (int i = 0; i < d.items().size(); i++) {
            DownwardAPIVolumeFile f = d.items().get(i);
            FieldPath at = path.child("items").index(i);
            if (Checks.required(f.path(), at.child("path"), errors)) {
                relativePath(f.path(), at.child("path"), errors);
            }
            if (f.fieldRef() != null && f.resourceFieldRef() != null) {
                errors.invalid(at, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
            } else if (f.fieldRef() != null) {
                EnvSourceValidation.fieldRef(f.fieldRef(), false, at.child("fieldRef"), errors);
            } else if (f.resourceFieldRef() != null) {
                EnvSourceValidation.resourceFieldRef(f.resourceFieldRef(), true, at.child("resourceFieldRef"),
                        errors);
            } else {
                errors.required(at, "one of fieldRef and resourceFieldRef is required");
            }
            mode(f.mode(), at.child("mode"), errors);
        }
    }

    private static void mode(Integer mode, FieldPath path, ValidationErrors errors) {
        if (mode != null && (mode < 0 || mode > MAX_MODE)) {
            errors.invalid(path, mode, "must be a number between 0 and 0777 (octal), both inclusive");
        }
    }

    /** A path inside a volume: relative and without {@code ..} elements. */
    static boolean relativePath(String value, FieldPath path, ValidationErrors errors) {
        if (value.startsWith("/")) {
            errors.invalid(path, value, "must be a relative path");
            return false;
        }
        for (String part : value.split("/")) {
            if (part.equals("..")) {
                errors.invalid(path, value, "must not contain '..'");
                return false;
            }
        }
        return true;
    }
}
