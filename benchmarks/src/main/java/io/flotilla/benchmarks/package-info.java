/**
 * Benchmarks of Flotilla beside peers measured in the same run. Not part of the test suite.
 */
package io.flotilla.benchmarks;
