/**
 * The start-up graph of a topology: {@link io.flotilla.core.startup.StartupPlan} applies a set of objects into a
 * namespace, in parallel where their declared dependencies allow (a migration Job before the API Deployment), waits
 * until each workload is Ready or Completed, and fails fast with a {@link
 * io.flotilla.core.startup.StartupFailedException} that shows the failing workload's pods, events and container
 * logs as soon as one cannot start, instead of waiting for a timeout. {@link io.flotilla.core.startup.StartupReport}
 * says how long each object took.
 */
package io.flotilla.core.startup;
