package io.flotilla.api.coordination;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a Lease and until when. Immutable; every component is {@code null} when unset. Times are Kubernetes
 * MicroTimes (microsecond precision) held as {@link Instant}s.
 *
 * @param holderIdentity       the current holder, such as a controller manager's instance id
 * @param leaseDurationSeconds how long the holder may go without renewing before others may take the lease
 * @param acquireTime          when the current holder acquired the lease
 * @param renewTime            when the current holder last renewed it
 * @param leaseTransitions     how many times the lease changed hands
 */
public record LeaseSpec(String holderIdentity, Integer leaseDurationSeconds, Instant acquireTime, Instant renewTime,
                        Integer leaseTransitions) {

    /**
     * When the lease expires: {@code renewTime} (or {@code acquireTime}) plus the duration; empty if either is
     * unknown.
     */
    public Optional<Instant> expiry() {
        Instant last = renewTime != null ? renewTime : acquireTime;
        if (last == null || leaseDurationSeconds == null) {
            return Optional.empty();
        }
        return Optional.of(last.plus(Duration.ofSeconds(leaseDurationSeconds)));
    }

    /**
     * Whether the lease is free to take at {@code now}: nobody holds it, or the holder's time ran out. A held lease
     * with an unknown expiry counts as held.
     */
    public boolean isAvailable(Instant now) {
        if (holderIdentity == null || holderIdentity.isEmpty()) {
            return true;
        }
        return expiry().map(now::isAfter).orElse(false);
    }
}
