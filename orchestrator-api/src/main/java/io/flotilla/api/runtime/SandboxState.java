package io.flotilla.api.runtime;

/** The state of a pod sandbox (CRI {@code PodSandboxState}). */
public enum SandboxState {
    /** Running, with its network set up: containers can be created in it. */
    READY,
    /** Stopped (or failed): its containers are stopped and its network released. */
    NOTREADY
}
