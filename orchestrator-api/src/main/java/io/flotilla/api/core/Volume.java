package io.flotilla.api.core;

/**
 * A named volume of a pod, which its containers mount by name. Exactly one source is set. Immutable.
 *
 * <pre>{@code
 * Volume.configMap("site")                     // volume "site" holding ConfigMap "site"
 * Volume.emptyDir("scratch")
 * Volume.persistentVolumeClaim("data", "data-web-0")
 * }</pre>
 *
 * @param name                  the volume's name, a DNS-1123 label unique in the pod
 * @param hostPath              a node path
 * @param emptyDir              a scratch directory
 * @param secret                a Secret's keys as files
 * @param persistentVolumeClaim a claimed persistent volume
 * @param downwardAPI           pod fields as files
 * @param configMap             a ConfigMap's keys as files
 */
public record Volume(String name, HostPathVolumeSource hostPath, EmptyDirVolumeSource emptyDir,
                     SecretVolumeSource secret, PersistentVolumeClaimVolumeSource persistentVolumeClaim,
                     DownwardAPIVolumeSource downwardAPI, ConfigMapVolumeSource configMap) {

    /** An empty scratch directory on node storage. */
    public static Volume emptyDir(String name) {
        return new Volume(name, null, EmptyDirVolumeSource.DEFAULT, null, null, null, null);
    }

    /** A volume of the given source, for sources without a shortcut here. */
    public static Volume emptyDir(String name, EmptyDirVolumeSource source) {
        return new Volume(name, null, source, null, null, null, null);
    }

    /** A volume named like ConfigMap {@code configMapName}, holding each of its keys as a file. */
    public static Volume configMap(String configMapName) {
        return configMap(configMapName, configMapName);
    }

    /** A volume named {@code volumeName} holding each key of ConfigMap {@code configMapName} as a file. */
    public static Volume configMap(String volumeName, String configMapName) {
        return configMap(volumeName, ConfigMapVolumeSource.of(configMapName));
    }

    /** A volume named {@code volumeName} of a configured ConfigMap source (items, mode, optional). */
    public static Volume configMap(String volumeName, ConfigMapVolumeSource source) {
        return new Volume(volumeName, null, null, null, null, null, source);
    }

    /** A volume named like Secret {@code secretName}, holding each of its keys as a file. */
    public static Volume secret(String secretName) {
        return secret(secretName, secretName);
    }

    /** A volume named {@code volumeName} holding each key of Secret {@code secretName} as a file. */
    public static Volume secret(String volumeName, String secretName) {
        return secret(volumeName, SecretVolumeSource.of(secretName));
    }

    /** A volume named {@code volumeName} of a configured Secret source (items, mode, optional). */
    public static Volume secret(String volumeName, SecretVolumeSource source) {
        return new Volume(volumeName, null, null, source, null, null, null);
    }

    /** Node path {@code path} without a type check. */
    public static Volume hostPath(String name, String path) {
        return hostPath(name, HostPathVolumeSource.of(path));
    }

    /** Node path with a type check such as {@link HostPathVolumeSource#DIRECTORY_OR_CREATE}. */
    public static Volume hostPath(String name, HostPathVolumeSource source) {
        return new Volume(name, source, null, null, null, null, null);
    }

    /** The volume bound to claim {@code claimName}, read-write. */
    public static Volume persistentVolumeClaim(String name, String claimName) {
        return new Volume(name, null, null, null, new PersistentVolumeClaimVolumeSource(claimName, null), null,
                null);
    }

    /** Pod fields and resources as files. */
    public static Volume downwardAPI(String name, DownwardAPIVolumeSource source) {
        return new Volume(name, null, null, null, null, source, null);
    }

    /** How many sources are set; exactly one is valid. */
    public int sourceCount() {
        int n = 0;
        for (Object source : new Object[] {hostPath, emptyDir, secret, persistentVolumeClaim, downwardAPI,
                configMap}) {
            n += source == null ? 0 : 1;
        }
        return n;
    }
}
