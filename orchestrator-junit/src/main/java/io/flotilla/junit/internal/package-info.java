/**
 * The machinery behind {@link io.flotilla.junit.FlotillaExtension}, not a user API: starting and sharing clusters,
 * lease files that let a later run remove the clusters of a killed JVM, collecting a test class's declared workloads
 * and manifests into a start-up plan, and writing failure diagnostics. May change without notice.
 */
package io.flotilla.junit.internal;
