package io.flotilla.api.core;

/**
 * Waits before a lifecycle hook completes, such as before a container is stopped. Immutable.
 *
 * @param seconds how long to sleep
 */
public record SleepAction(Long seconds) {
}
