/**
 * A user-written scheduler plugin: {@link io.flotilla.examples.scheduling.AvoidMaintenance} keeps pods off nodes
 * labelled {@code maintenance=true}, registered and enabled without any change to Flotilla's scheduler, as
 * {@link io.flotilla.examples.scheduling.CustomSchedulerPlugin} shows on simulated nodes.
 */
package io.flotilla.examples.scheduling;
