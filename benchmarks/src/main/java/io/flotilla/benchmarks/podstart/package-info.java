/**
 * End-to-end pod start-up harness (issues 6 and 9): the time from applying N single-container pods to a one-node
 * Flotilla cluster until all are Running, on Docker and on containerd, beside raw docker-java create+start and
 * Testcontainers starting the same containers, all in one run; medians of several repeats (see
 * {@code benchmarks/README.md}). Not part of the test suite.
 */
package io.flotilla.benchmarks.podstart;
