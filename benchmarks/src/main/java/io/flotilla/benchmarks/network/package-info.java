/**
 * Throughput of the host proxy: HTTP requests per second through a Service's host URL against the same requests
 * sent straight to the backend, measured in one run.
 */
package io.flotilla.benchmarks.network;
