/**
 * The embedded control plane: object store, API layer, controllers, scheduler and node agents.
 */
package io.flotilla.core;
