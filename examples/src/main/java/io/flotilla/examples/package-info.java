/**
 * Runnable examples of Flotilla, each with its test: {@link io.flotilla.examples.ReadmeExample} is the README's
 * example, kept compiling and true by its test; {@link io.flotilla.examples.Demo} is what {@code scripts/demo} runs
 * (the three-tier shop of {@code shop}); the sub-packages hold the three-tier shop ({@code shop}), a zero-downtime
 * rolling update ({@code rollout}), a folder of plain Kubernetes YAML ({@code yaml}), a custom resource kind with its
 * reconciler ({@code crd}) and a custom scheduler plugin ({@code scheduling}).
 */
package io.flotilla.examples;
