package io.flotilla.core.node;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.ConfigMapKeySelector;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.EnvFromSource;
import io.flotilla.api.core.EnvVar;
import io.flotilla.api.core.EnvVarSource;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.SecretKeySelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a container's environment as kubelet does: {@code envFrom} sources in order, then {@code env} entries
 * (which win), each value expanded for {@code $(VAR)} references to variables defined before it. Values come from
 * literals, ConfigMaps, Secrets and the downward API ({@link FieldPaths}). A missing non-optional ConfigMap, Secret
 * or key is a {@link ConfigError} with kubelet's message; messages name objects and keys, never values.
 * Stateless apart from its object source; thread-safe.
 */
final class EnvResolver {
    static final String CONFIG_ERROR = "CreateContainerConfigError";

    private final ObjectSource objects;

    EnvResolver(ObjectSource objects) {
        this.objects = objects;
    }

    /**
     * The environment of {@code container} in {@code pod}.
     *
     * @param fields the pod's downward API values (with its IPs)
     * @throws ConfigError if a required source or key is missing or a field path is unsupported
     */
    Map<String, String> resolve(Pod pod, Container container, FieldPaths fields) throws ConfigError {
        String namespace = pod.metadata().namespace();
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.envFrom()) {
            String prefix = from.prefix() == null ? "" : from.prefix();
            if (from.configMapRef() != null) {
                boolean optional = Boolean.TRUE.equals(from.configMapRef().optional());
                Optional<ConfigMap> cm = configMap(namespace, from.configMapRef().name(), optional);
                cm.ifPresent(c -> c.data().forEach((k, v) -> env.put(prefix + k, v)));
            }
            if (from.secretRef() != null) {
                boolean optional = Boolean.TRUE.equals(from.secretRef().optional());
                Optional<Secret> secret = secret(namespace, from.secretRef().name(), optional);
                secret.ifPresent(s -> s.keys().forEach(k -> env.put(prefix + k, s.decodedString(k))));
            }
        }
        for (EnvVar var : container.env()) {
            String value = var.valueFrom() == null
                    ? expand(var.value() == null ? "" : var.value(), env)
                    : fromSource(namespace, container, var.valueFrom(), fields);
            if (value != null) {
                env.put(var.name(), value);
            }
        }
        return env;
    }

    private String fromSource(String namespace, Container container, EnvVarSource source, FieldPaths fields)
            throws ConfigError {
        if (source.fieldRef() != null) {
            return fields.field(source.fieldRef().fieldPath());
        }
        if (source.resourceFieldRef() != null) {
            return fields.resource(container, source.resourceFieldRef());
        }
        if (source.configMapKeyRef() != null) {
            ConfigMapKeySelector ref = source.configMapKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.optional());
            Optional<ConfigMap> cm = configMap(namespace, ref.name(), optional);
            if (cm.isEmpty()) {
                return null;
            }
            String value = cm.get().data().get(ref.key());
            if (value == null && !optional) {
                throw new ConfigError(CONFIG_ERROR, "couldn't find key " + ref.key() + " in ConfigMap " + namespace
                        + "/" + ref.name());
            }
            return value;
        }
        if (source.secretKeyRef() != null) {
            SecretKeySelector ref = source.secretKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.optional());
            Optional<Secret> secret = secret(namespace, ref.name(), optional);
            if (secret.isEmpty()) {
                return null;
            }
            if (!secret.get().keys().contains(ref.key())) {
                if (optional) {
                    return null;
                }
                throw new ConfigError(CONFIG_ERROR, "couldn't find key " + ref.key() + " in Secret " + namespace
                        + "/" + ref.name());
            }
            return secret.get().decodedString(ref.key());
        }
        return null;
    }

    private Optional<ConfigMap> configMap(String namespace, String name, boolean optional) throws ConfigError {
        Optional<ConfigMap> cm = objects.configMap(namespace, name);
        if (cm.isEmpty() && !optional) {
            throw new ConfigError(CONFIG_ERROR, "configmap \"" + name + "\" not found");
        }
        return cm;
    }

    private Optional<Secret> secret(String namespace, String name, boolean optional) throws ConfigError {
        Optional<Secret> secret = objects.secret(namespace, name);
        if (secret.isEmpty() && !optional) {
            throw new ConfigError(CONFIG_ERROR, "secret \"" + name + "\" not found");
        }
        return secret;
    }

    /**
     * Kubernetes' {@code $(VAR)} expansion: a reference to a defined variable is replaced, {@code $$} is an escaped
     * {@code $}, and anything else is left as written.
     */
    static String expand(String input, Map<String, String> vars) {
        if (input.indexOf('$') < 0) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length());
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 >= input.length()) {
                out.append(c);
                i++;
            } else if (input.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (input.charAt(i + 1) == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(input, i, input.length());
                    break;
                }
                String name = input.substring(i + 2, close);
                String value = vars.get(name);
                out.append(value != null ? value : input.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
