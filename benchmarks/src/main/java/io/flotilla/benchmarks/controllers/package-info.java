/**
 * End-to-end harnesses of the workload controllers: a Deployment scaled and rolled on a simulated cluster (node
 * agents on the simulated runtime, the scheduler, the built-in controllers), timed on the wall clock. Not tests; see
 * {@code benchmarks/README.md}.
 */
package io.flotilla.benchmarks.controllers;
