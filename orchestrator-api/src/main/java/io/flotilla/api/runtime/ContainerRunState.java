package io.flotilla.api.runtime;

/** The state of a container on its runtime (CRI {@code ContainerState}). */
public enum ContainerRunState {
    /** Created, not started yet. */
    CREATED,
    /** Its process runs. */
    RUNNING,
    /** Its process ended; the exit code and reason are known. */
    EXITED,
    /** The runtime cannot tell. */
    UNKNOWN
}
