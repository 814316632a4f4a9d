package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of containers: names, images, ports, environment, mounts, probes (through {@link ProbeValidation}) and
 * resources (through {@link ResourceValidation}). Stateless.
 */
final class ContainerValidation {
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final String ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic "
            + "characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name', or "
            + "'MY_ENV.NAME', or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

    private ContainerValidation() {
    }

    /**
     * Validates a list of containers.
     *
     * @param names the container names seen so far in the pod, shared by init and regular containers; updated
     */
    static void containers(List<Container> containers, boolean init, Set<String> volumes, Set<String> names,
                           FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            FieldPath at = path.index(i);
            FieldPath name = at.child("name");
            if (Checks.required(c.name(), name, errors) && Checks.dns1123Label(c.name(), name, errors)
                    && !names.add(c.name())) {
                errors.add(FieldError.duplicate(name, c.name()));
            }
            Checks.required(c.image(), at.child("image"), errors);
            ports(c.ports(), at.child("ports"), errors);
            envFrom(c.envFrom(), at.child("envFrom"), errors);
            env(c.env(), at.child("env"), errors);
            ResourceValidation.resources(c.resources(), at.child("resources"), errors);
            mounts(c.volumeMounts(), volumes, at.child("volumeMounts"), errors);
            ProbeValidation.probes(c, init, at, errors);
            Checks.oneOf(c.terminationMessagePolicy(), Container.MESSAGE_POLICIES,
                    at.child("terminationMessagePolicy"), errors);
            Checks.oneOf(c.imagePullPolicy(), Container.PULL_POLICIES, at.child("imagePullPolicy"), errors);
            securityContext(c.securityContext(), at.child("securityContext"), errors);
        }
    }

    private static void ports(List<ContainerPort> ports, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort p = ports.get(i);
            FieldPath at = path.index(i);
            if (p.name() != null && !p.name().isEmpty()) {
                Checks.portName(p.name(), at.child("name"), errors);
            }
            if (p.containerPort() == null || p.containerPort() == 0) {
                errors.required(at.child("containerPort"), "");
            } else {
                Checks.port(p.containerPort(), at.child("containerPort"), errors);
            }
            if (p.hostPort() != null && p.hostPort() != 0) {
                Checks.port(p.hostPort(), at.child("hostPort"), errors);
            }
            Checks.oneOf(p.protocol(), ContainerPort.PROTOCOLS, at.child("protocol"), errors);
        }
        Checks.unique(ports, p -> p.name() == null || p.name().isEmpty() ? null : p.name(), path, "name", errors);
    }

    /**
     * Host ports must not repeat across all the pod's containers (for the same protocol and address), and with
     * {@code hostNetwork} they must equal the container port.
     */
    static void hostPorts(PodSpec spec, FieldPath path, ValidationErrors errors) {
        Set<String> seen = new HashSet<>();
        boolean hostNetwork = Boolean.TRUE.equals(spec.hostNetwork());
        hostPorts(spec.initContainers(), hostNetwork, seen, path.child("initContainers"), errors);
        hostPorts(spec.containers(), hostNetwork, seen, path.child("containers"), errors);
    }

    private static void hostPorts(List<Container> containers, boolean hostNetwork, Set<String> seen,
                                  FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < containers.size(); i++) {
            List<ContainerPort> ports = containers.get(i).ports();
            for (int j = 0; j < ports.size(); j++) {
                ContainerPort p = ports.get(j);
                FieldPath at = path.index(i).child("ports").index(j).child("hostPort");
                if (p.hostPort() == null || p.hostPort() == 0) {
                    continue;
                }
                if (hostNetwork && !p.hostPort().equals(p.containerPort())) {
                    errors.invalid(at, p.hostPort(), "must match `containerPort` when `hostNetwork` is true");
                }
                String shown = p.hostPort() + "/" + p.effectiveProtocol();
                String key = (p.hostIP() == null ? "" : p.hostIP()) + "/" + shown;
                if (!seen.add(key)) {
                    errors.add(FieldError.duplicate(at, shown));
                }
            }
        }
    }

    /** Whether {@code name} is a valid environment variable name; reports it if not. */
    static boolean envName(String name, FieldPath path, ValidationErrors errors) {
        if (!ENV_NAME.matcher(name).matches()) {
            errors.invalid(path, name, ENV_NAME_MSG);
            return false;
        }
        return true;
    }

    private static void env(List<EnvVar> env, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < env.size(); i++) {
            EnvVar var = env.get(i);
            FieldPath at = path.index(i);
            if (Checks.required(var.name(), at.child("name"), errors)) {
                envName(var.name(), at.child("name"), errors);
            }
            if (var.valueFrom() != null) {
                if (var.value() != null && !var.value().isEmpty()) {
                    errors.invalid(at.child("valueFrom"), "", "may not be specified when `value` is not empty");
                }
                EnvSourceValidation.valueFrom(var.valueFrom(), at.child("valueFrom"), errors);
            }
        }
    }

    private static void envFrom(List<EnvFromSource> sources, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < sources.size(); i++) {
            EnvFromSource s = sources.get(i);
            FieldPath at = path.index(i);
            if (s.prefix() != null && !s.prefix().isEmpty()) {
                envName(s.prefix(), at.child("prefix"), errors);
            }
            if (s.configMapRef() == null && s.secretRef() == null) {
                errors.invalid(at, "", "must specify one of: `configMapRef` or `secretRef`");
            } else if (s.configMapRef() != null && s.secretRef() != null) {
                errors.invalid(at, "", "may not have more than one field specified at a time");
            } else if (s.configMapRef() != null) {
                objectName(s.configMapRef().name(), at.child("configMapRef").child("name"), errors);
            } else {
                objectName(s.secretRef().name(), at.child("secretRef").child("name"), errors);
            }
        }
    }

    /** A required reference to an object in the namespace: present and a DNS-1123 subdomain. */
    static void objectName(String name, FieldPath path, ValidationErrors errors) {
        if (Checks.required(name, path, errors)) {
            Checks.dns1123Subdomain(name, path, errors);
        }
    }

    private static void mounts(List<VolumeMount> mounts, Set<String> volumes, FieldPath path,
                               ValidationErrors errors) {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i);
            FieldPath at = path.index(i);
            if (Checks.required(m.name(), at.child("name"), errors) && !volumes.contains(m.name())) {
                errors.add(FieldError.notFound(at.child("name"), m.name()));
            }
            FieldPath mountPath = at.child("mountPath");
            if (Checks.required(m.mountPath(), mountPath, errors)) {
                if (!m.mountPath().startsWith("/")) {
                    errors.invalid(mountPath, m.mountPath(), "must be an absolute path");
                } else if (!paths.add(m.mountPath())) {
                    errors.invalid(mountPath, m.mountPath(), "must be unique");
                }
            }
            if (m.subPath() != null && !m.subPath().isEmpty()) {
                VolumeValidation.relativePath(m.subPath(), at.child("subPath"), errors);
            }
        }
    }

    private static void securityContext(SecurityContext ctx, FieldPath path, ValidationErrors errors) {
        if (ctx == null) {
            return;
        }
        Checks.nonNegative(ctx.runAsUser(), path.child("runAsUser"), errors);
        Checks.nonNegative(ctx.runAsGroup(), path.child("runAsGroup"), errors);
        if (Boolean.TRUE.equals(ctx.privileged()) && Boolean.FALSE.equals(ctx.allowPrivilegeEscalation())) {
            errors.invalid(path, null, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
        }
    }
}
