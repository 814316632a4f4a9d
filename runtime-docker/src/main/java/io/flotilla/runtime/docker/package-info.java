/**
 * The ContainerRuntime implementation over the Docker Engine API.
 */
package io.flotilla.runtime.docker;
