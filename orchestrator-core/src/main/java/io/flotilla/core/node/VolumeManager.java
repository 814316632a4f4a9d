package io.flotilla.core.node;

import io.flotilla.api.core.ConfigMap;
import io.flotilla.api.core.ConfigMapVolumeSource;
import io.flotilla.api.core.Container;
import io.flotilla.api.core.DownwardAPIVolumeFile;
import io.flotilla.api.core.KeyToPath;
import io.flotilla.api.core.PersistentVolumeClaim;
import io.flotilla.api.core.Pod;
import io.flotilla.api.core.Secret;
import io.flotilla.api.core.SecretVolumeSource;
import io.flotilla.api.core.Volume;
import io.flotilla.api.core.VolumeMount;
import io.flotilla.api.runtime.ContainerRuntime;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.Mount;
import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.api.runtime.RuntimeVolume;
import io.flotilla.api.runtime.VolumeFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/*
 * Design notes: every pod volume except hostPath and PVC is a runtime volume named <cluster>-<pod uid>-<volume>,
 * labelled with the pod, so tear-down (and clean-up after a crash) finds it by label. ConfigMap, Secret and
 * downward API volumes are files the agent writes with writeFiles; the last content written is remembered per
 * pod, so a re-sync rewrites only what changed (that is how a ConfigMap update reaches a running pod). PVC volumes
 * carry no pod label and outlive the pod.
 */

/**
 * Sets up and tears down the volumes of pods on one node. Called by pod workers (one pod at a time per worker);
 * thread-safe across pods.
 */
final class VolumeManager {
    /** Label marking a runtime volume that backs a PersistentVolumeClaim (kept on close unless asked). */
    static final String VOLUME_TYPE = RuntimeLabels.PREFIX + "volume.type";
    static final String PERSISTENT = "persistent";
    static final String FAILED_MOUNT = "FailedMount";
    private static final int SECRET_DEFAULT_MODE = VolumeFile.SECRET_MODE;

    private final ContainerRuntime runtime;
    private final String clusterId;
    private final String nodeName;
    private final ObjectSource objects;

    VolumeManager(ContainerRuntime runtime, String clusterId, String nodeName, ObjectSource objects) {
        this.runtime = runtime;
        this.clusterId = clusterId;
        this.nodeName = nodeName;
        this.objects = objects;
    }

    /**
     * Creates or refreshes every volume of {@code pod}; {@code written} remembers file contents between calls.
     *
     * @return what each volume name mounts: a runtime volume or a host path
     * @throws ConfigError (reason {@code FailedMount}) when a referenced object or key is missing
     */
    Map<String, Mount> setUp(Pod pod, FieldPaths fields, Map<String, Map<String, VolumeFile>> written)
            throws ConfigError {
        Map<String, Mount> sources = new LinkedHashMap<>();
        for (Volume volume : pod.spec().volumes()) {
            if (volume.hostPath() != null) {
                sources.put(volume.name(), Mount.hostPath(volume.hostPath().path(), "/", false));
            } else if (volume.persistentVolumeClaim() != null) {
                // like the pod's own volumes: created once per pod (not on every sync), then only looked up
                String name = persistentVolume(pod, volume, !written.containsKey(volume.name()));
                written.put(volume.name(), Map.of());
                sources.put(volume.name(), Mount.volume(name, "/", false));
            } else {
                String name = podVolumeName(pod, volume.name());
                Optional<Map<String, VolumeFile>> files = files(pod, volume, fields);
                if (!written.containsKey(volume.name())) {
                    ensure(name, podVolumeLabels(pod, volume.name()));
                }
                if (files.isPresent() && !files.get().equals(written.get(volume.name()))) {
                    runtime.writeFiles(name, files.get());
                }
                written.put(volume.name(), files.orElse(Map.of()));
                sources.put(volume.name(), Mount.volume(name, "/", false));
            }
        }
        return sources;
    }

    /** The runtime mounts of {@code container}, from the volume sources {@link #setUp} returned. */
    static List<Mount> mounts(Container container, Map<String, Mount> sources) throws ConfigError {
        List<Mount> mounts = new ArrayList<>();
        for (VolumeMount vm : container.volumeMounts()) {
            Mount source = sources.get(vm.name());
            if (source == null) {
                throw new ConfigError(EnvResolver.CONFIG_ERROR, "volume \"" + vm.name() + "\" not found");
            }
            boolean readOnly = Boolean.TRUE.equals(vm.readOnly());
            if (source.hostPath() != null) {
                String path = vm.subPath() == null || vm.subPath().isEmpty() ? source.hostPath()
                        : source.hostPath() + "/" + vm.subPath();
                mounts.add(Mount.hostPath(path, vm.mountPath(), readOnly));
            } else {
                mounts.add(Mount.volume(source.volumeName(), vm.mountPath(), readOnly));
            }
        }
        return mounts;
    }

    /** Removes the pod's own runtime volumes (not PVC volumes). Idempotent. */
    void tearDown(String podUid) {
        Map<String, String> labels = Map.of(RuntimeLabels.CLUSTER, clusterId, RuntimeLabels.POD_UID, podUid);
        for (RuntimeVolume volume : runtime.listVolumes(labels)) {
            runtime.removeVolume(volume.name());
        }
    }

    /** Whether {@code pod} mounts the ConfigMap or Secret {@code name} as a volume. */
    static boolean refersTo(Pod pod, String kind, String name) {
        for (Volume v : pod.spec().volumes()) {
            if ("ConfigMap".equals(kind) && v.configMap() != null && name.equals(v.configMap().name())
                    || "Secret".equals(kind) && v.secret() != null && name.equals(v.secret().secretName())
                    || "PersistentVolumeClaim".equals(kind) && v.persistentVolumeClaim() != null
                    && name.equals(v.persistentVolumeClaim().claimName())) {
                return true;
            }
        }
        return false;
    }

    private Optional<Map<String, VolumeFile>> files(Pod pod, Volume volume, FieldPaths fields) throws ConfigError {
        String ns = pod.metadata().namespace();
        if (volume.configMap() != null) {
            ConfigMapVolumeSource src = volume.configMap();
            Optional<ConfigMap> cm = objects.configMap(ns, src.name());
            if (cm.isEmpty()) {
                return missing(volume, Boolean.TRUE.equals(src.optional()), "configmap \"" + src.name()
                        + "\" not found");
            }
            Map<String, byte[]> data = new LinkedHashMap<>();
            cm.get().data().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
            cm.get().binaryData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
            int mode = src.defaultMode() == null ? VolumeFile.DEFAULT_MODE : src.defaultMode();
            return Optional.of(project(volume, "configmap", data, src.items(), mode,
                    Boolean.TRUE.equals(src.optional())));
        }
        if (volume.secret() != null) {
            SecretVolumeSource src = volume.secret();
            Optional<Secret> secret = objects.secret(ns, src.secretName());
            if (secret.isEmpty()) {
                return missing(volume, Boolean.TRUE.equals(src.optional()), "secret \"" + src.secretName()
                        + "\" not found");
            }
            Map<String, byte[]> data = new LinkedHashMap<>();
            secret.get().keys().forEach(k -> data.put(k, secret.get().decoded(k)));
            int mode = src.defaultMode() == null ? SECRET_DEFAULT_MODE : src.defaultMode();
            return Optional.of(project(volume, "secret", data, src.items(), mode,
                    Boolean.TRUE.equals(src.optional())));
        }
        if (volume.downwardAPI() != null) {
            Map<String, VolumeFile> files = new LinkedHashMap<>();
            int mode = volume.downwardAPI().defaultMode() == null ? VolumeFile.DEFAULT_MODE
                    : volume.downwardAPI().defaultMode();
            for (DownwardAPIVolumeFile item : volume.downwardAPI().items()) {
                String value = item.fieldRef() != null ? fields.field(item.fieldRef().fieldPath())
                        : fields.resource(container(pod, item.resourceFieldRef().containerName()),
                        item.resourceFieldRef());
                files.put(item.path(), VolumeFile.of(value.getBytes(StandardCharsets.UTF_8),
                        item.mode() == null ? mode : item.mode()));
            }
            return Optional.of(files);
        }
        return Optional.empty();
    }

    private static Optional<Map<String, VolumeFile>> missing(Volume volume, boolean optional, String message)
            throws ConfigError {
        if (optional) {
            return Optional.of(Map.of());
        }
        throw new ConfigError(FAILED_MOUNT, "MountVolume.SetUp failed for volume \"" + volume.name() + "\" : "
                + message);
    }

    private static Map<String, VolumeFile> project(Volume volume, String kind, Map<String, byte[]> data,
                                                   List<KeyToPath> items, int mode, boolean optional)
            throws ConfigError {
        Map<String, VolumeFile> files = new LinkedHashMap<>();
        if (items.isEmpty()) {
            data.forEach((k, v) -> files.put(k, VolumeFile.of(v, mode)));
            return files;
        }
        for (KeyToPath item : items) {
            byte[] value = data.get(item.key());
            if (value == null) {
                if (optional) {
                    continue;
                }
                throw new ConfigError(FAILED_MOUNT, "MountVolume.SetUp failed for volume \"" + volume.name()
                        + "\" : " + kind + " references non-existent config key: " + item.key());
            }
            files.put(item.path(), VolumeFile.of(value, item.mode() == null ? mode : item.mode()));
        }
        return files;
    }

    private static Container container(Pod pod, String name) throws ConfigError {
        for (Container c : pod.spec().containers()) {
            if (name == null || c.name().equals(name)) {
                return c;
            }
        }
        throw new ConfigError(FAILED_MOUNT, "container \"" + name + "\" not found for resourceFieldRef");
    }

    private String persistentVolume(Pod pod, Volume volume, boolean create) throws ConfigError {
        String claimName = volume.persistentVolumeClaim().claimName();
        Optional<PersistentVolumeClaim> claim = objects.claim(pod.metadata().namespace(), claimName);
        if (claim.isEmpty()) {
            throw new ConfigError(FAILED_MOUNT, "MountVolume.SetUp failed for volume \"" + volume.name()
                    + "\" : persistentvolumeclaim \"" + claimName + "\" not found");
        }
        String pvName = claim.get().spec() == null ? null : claim.get().spec().volumeName();
        if (pvName == null || pvName.isEmpty()) {
            // As kubelet: wait for the binder, so the pod's data lands in the volume that outlives it (mounting a
            // stand-in first left two volumes for one claim once the claim was bound).
            throw new ConfigError(FAILED_MOUNT, "MountVolume.SetUp failed for volume \"" + volume.name()
                    + "\" : persistentvolumeclaim \"" + claimName + "\" is not bound yet");
        }
        String name = clusterId + "-pv-" + pvName;
        if (!create) {
            return name;
        }
        ensure(name, Map.of(RuntimeLabels.CLUSTER, clusterId, RuntimeLabels.KIND, RuntimeLabels.KIND_VOLUME,
                VOLUME_TYPE, PERSISTENT, RuntimeLabels.VOLUME_NAME, volume.name()));
        return name;
    }

    private void ensure(String name, Map<String, String> labels) {
        try {
            runtime.createVolume(name, labels);
        } catch (ContainerRuntimeException.AlreadyExists exists) {
            // created by an earlier sync or before an agent restart
        }
    }

    private String podVolumeName(Pod pod, String volume) {
        return clusterId + "-" + pod.metadata().uid() + "-" + volume;
    }

    private Map<String, String> podVolumeLabels(Pod pod, String volume) {
        Map<String, String> labels = new LinkedHashMap<>(RuntimeLabels.forPod(clusterId, pod.metadata().namespace(),
                pod.metadata().name(), pod.metadata().uid()));
        labels.put(RuntimeLabels.NODE, nodeName);
        labels.put(RuntimeLabels.KIND, RuntimeLabels.KIND_VOLUME);
        labels.put(RuntimeLabels.VOLUME_NAME, volume);
        return labels;
    }
}
