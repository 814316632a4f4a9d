/**
 * The machinery behind {@link io.flotilla.runtime.docker.DockerRuntime}: connection settings and their security
 * rules, the mapping of sandbox and container configurations onto docker-java commands and of Docker's answers back
 * onto the runtime SPI's records, the pieces of the "dockershim" (sandboxes, per-cluster networks, containers, exec,
 * logs, stats, images, volumes and archive-based file delivery), the event pump with reconnect, and clean-up. Not an
 * API: classes here may change without notice.
 */
package io.flotilla.runtime.docker.internal;
