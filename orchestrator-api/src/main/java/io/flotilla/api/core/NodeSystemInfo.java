package io.flotilla.api.core;

/**
 * What a node runs, as its agent reports it. Immutable; components are {@code null} when unknown.
 *
 * @param machineID               the machine id ({@code /etc/machine-id})
 * @param systemUUID              the hardware UUID
 * @param bootID                  the boot id, changing on every reboot
 * @param kernelVersion           the kernel version ({@code uname -r})
 * @param osImage                 the OS description, such as {@code Ubuntu 24.04 LTS}
 * @param containerRuntimeVersion the runtime and its version, such as {@code docker://27.3.1}
 * @param kubeletVersion          the node agent's version
 * @param kubeProxyVersion        the proxy's version (deprecated in Kubernetes)
 * @param operatingSystem         {@code linux} or {@code windows}
 * @param architecture            such as {@code amd64} or {@code arm64}
 */
public record NodeSystemInfo(String machineID, String systemUUID, String bootID, String kernelVersion,
                             String osImage, String containerRuntimeVersion, String kubeletVersion,
                             String kubeProxyVersion, String operatingSystem, String architecture) {
}
