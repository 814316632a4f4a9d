/**
 * Runnable examples of Flotilla, each with its test.
 */
package io.flotilla.examples;
