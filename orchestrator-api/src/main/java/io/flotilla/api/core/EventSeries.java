package io.flotilla.api.core;

import java.time.Instant;

/**
 * How often a repeated Event happened since it was first reported. Immutable.
 *
 * @param count            how many times it happened in this series
 * @param lastObservedTime when it last happened, to the microsecond
 */
public record EventSeries(Integer count, Instant lastObservedTime) {
}
