/**
 * Shared test fixtures: local test images, the runtime requirement condition and the runtime contract suite.
 */
package io.flotilla.testkit;
