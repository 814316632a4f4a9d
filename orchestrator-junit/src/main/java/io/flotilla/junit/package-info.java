/**
 * JUnit 5 support for tests that run multi-container topologies on a Flotilla cluster: an extension that starts
 * (or shares) a cluster, gives each test class its own namespace, applies declared workloads in dependency order,
 * cleans up after itself, and prints diagnostics when a test fails; AssertJ assertions on cluster state; and fault
 * helpers (kill a container, delete a pod, make a node NotReady, drain a node).
 */
package io.flotilla.junit;
