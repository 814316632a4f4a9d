package io.flotilla.api.core;

/**
 * A container not yet running. Immutable.
 *
 * @param reason  why, such as {@code ContainerCreating}, {@code ImagePullBackOff} or {@code CrashLoopBackOff}
 * @param message details
 */
public record ContainerStateWaiting(String reason, String message) {
}
