/**
 * Scale harness for the node agent: a thousand simulated nodes with twenty pods each on a virtual clock, reporting
 * heap and CPU per pod (see {@code benchmarks/README.md}).
 */
package io.flotilla.benchmarks.node;
