package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of a {@link PodSpec} wherever it appears: in a Pod ({@code spec}) or in a workload's pod template
 * ({@code spec.template.spec}), with Kubernetes' rules, paths and wording. Stateless and thread-safe.
 *
 * <p>Workload kinds in other packages call {@link #validate(PodSpec, FieldPath, ValidationErrors)} with the path of
 * their template's spec, so their errors read {@code spec.template.spec.containers[0].image: Required value}.
 * Values the server defaults ({@code restartPolicy}, probe timings, port protocols) may be unset.
 */
public final class PodSpecValidation {
    private PodSpecValidation() {
    }

    /**
     * Adds every problem of {@code spec} to {@code errors}, with paths under {@code path}. Never throws for bad
     * input; a {@code null} spec is reported as a required value at {@code path}.
     *
     * @param spec   the spec, may be {@code null}
     * @param path   where the spec is, such as {@code spec} or {@code spec.template.spec}
     * @param errors where problems go
     */
    public static void validate(PodSpec spec, FieldPath path, ValidationErrors errors) {
        validate(spec, path, Set.of(), errors);
    }

    /**
     * Like {@link #validate(PodSpec, FieldPath, ValidationErrors)}, for pods whose controller adds volumes: volume
     * mounts may also name one of {@code extraVolumes}, such as a StatefulSet's {@code volumeClaimTemplates}.
     *
     * @param spec         the spec, may be {@code null}
     * @param path         where the spec is, such as {@code spec.template.spec}
     * @param extraVolumes names of volumes the controller will add, never {@code null}
     * @param errors       where problems go
     */
    public static void validate(PodSpec spec, FieldPath path, Set<String> extraVolumes, ValidationErrors errors) {
        if (spec == null) {
            errors.required(path, "");
            return;
        }
        Set<String> volumes = new HashSet<>(extraVolumes);
        volumes.addAll(VolumeValidation.volumes(spec.volumes(), path.child("volumes"), errors));
        Set<String> containerNames = new HashSet<>();
        ContainerValidation.containers(spec.initContainers(), true, volumes, containerNames,
                path.child("initContainers"), errors);
        if (spec.containers().isEmpty()) {
            errors.required(path.child("containers"), "");
        }
        ContainerValidation.containers(spec.containers(), false, volumes, containerNames, path.child("containers"),
                errors);
        ContainerValidation.hostPorts(spec, path, errors);
        Checks.oneOf(spec.restartPolicy(), PodSpec.RESTART_POLICIES, path.child("restartPolicy"), errors);
        Checks.nonNegative(spec.terminationGracePeriodSeconds(), path.child("terminationGracePeriodSeconds"), errors);
        Checks.positive(spec.activeDeadlineSeconds(), path.child("activeDeadlineSeconds"), errors);
        Checks.oneOf(spec.dnsPolicy(), PodSpec.DNS_POLICIES, path.child("dnsPolicy"), errors);
        PodDNSValidation.validate(spec, path, errors);
        Checks.labels(spec.nodeSelector(), path.child("nodeSelector"), errors);
        subdomain(spec.serviceAccountName(), path.child("serviceAccountName"), errors);
        subdomain(spec.nodeName(), path.child("nodeName"), errors);
        securityContext(spec.securityContext(), path.child("securityContext"), errors);
        imagePullSecrets(spec.imagePullSecrets(), path.child("imagePullSecrets"), errors);
        label(spec.hostname(), path.child("hostname"), errors);
        label(spec.subdomain(), path.child("subdomain"), errors);
        AffinityValidation.affinity(spec.affinity(), path.child("affinity"), errors);
        subdomain(spec.schedulerName(), path.child("schedulerName"), errors);
        SchedulingValidation.tolerations(spec.tolerations(), path.child("tolerations"), errors);
        subdomain(spec.priorityClassName(), path.child("priorityClassName"), errors);
        for (int i = 0; i < spec.readinessGates().size(); i++) {
            FieldPath gate = path.child("readinessGates").index(i).child("conditionType");
            String type = spec.readinessGates().get(i).conditionType();
            if (Checks.required(type, gate, errors)) {
                Checks.qualifiedName(type, gate, errors);
            }
        }
        SchedulingValidation.topologySpread(spec.topologySpreadConstraints(),
                path.child("topologySpreadConstraints"), errors);
    }

    private static void subdomain(String value, FieldPath path, ValidationErrors errors) {
        if (value != null && !value.isEmpty()) {
            Checks.dns1123Subdomain(value, path, errors);
        }
    }

    private static void label(String value, FieldPath path, ValidationErrors errors) {
        if (value != null && !value.isEmpty()) {
            Checks.dns1123Label(value, path, errors);
        }
    }

    private static void securityContext(PodSecurityContext ctx, FieldPath path, ValidationErrors errors) {
        if (ctx == null) {
            return;
        }
        Checks.nonNegative(ctx.runAsUser(), path.child("runAsUser"), errors);
        Checks.nonNegative(ctx.runAsGroup(), path.child("runAsGroup"), errors);
        Checks.nonNegative(ctx.fsGroup(), path.child("fsGroup"), errors);
        for (int i = 0; i < ctx.supplementalGroups().size(); i++) {
            Checks.nonNegative(ctx.supplementalGroups().get(i), path.child("supplementalGroups").index(i), errors);
        }
    }

    private static void imagePullSecrets(List<LocalObjectReference> refs, FieldPath path, ValidationErrors errors) {
        for (int i = 0; i < refs.size(); i++) {
            Checks.required(refs.get(i).name(), path.index(i).child("name"), errors);
        }
    }
}
