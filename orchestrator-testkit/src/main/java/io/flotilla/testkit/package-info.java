/**
 * Shared test fixtures for Flotilla's own tests and for users' tests: the locally built test images
 * ({@link io.flotilla.testkit.TestImages}), a Docker client for tests ({@link io.flotilla.testkit.TestDocker}) and
 * {@link io.flotilla.testkit.RequiresRuntime}, which skips a test class when its runtime is absent, or fails it
 * when {@code FLOTILLA_REQUIRE_RUNTIMES} names that runtime.
 */
package io.flotilla.testkit;
