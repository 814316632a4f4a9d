package io.flotilla.api.core;

/**
 * One IP address of a pod. Immutable.
 *
 * @param ip the address
 */
public record PodIP(String ip) {
}
