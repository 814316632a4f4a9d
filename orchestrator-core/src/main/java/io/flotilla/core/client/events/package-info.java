/**
 * Kubernetes Events, recorded the way client-go's record package does: an
 * {@link io.flotilla.core.client.events.EventRecorder} turns "this happened to that object" into {@code core/v1}
 * Event objects written asynchronously through an {@link io.flotilla.core.client.events.EventSink} (normally the
 * typed client), folding repeats of the same event into one object with a growing {@code count}; an
 * {@link io.flotilla.core.client.events.EventCleaner} deletes Events older than their time to live.
 */
package io.flotilla.core.client.events;
