/**
 * Runnable examples of Flotilla, each with its test: {@link io.flotilla.examples.ReadmeExample} is the README's
 * example, kept compiling and true by its test, and {@link io.flotilla.examples.Demo} is what {@code scripts/demo}
 * runs.
 */
package io.flotilla.examples;
