package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.Quantity;
import java.util.Map;
import java.util.Optional;

/**
 * The storage a PersistentVolumeClaim asks for ({@code spec.resources}): the minimum in {@code requests} (the key
 * that matters is {@code storage}) and an optional maximum in {@code limits}. Immutable; maps are never
 * {@code null}.
 *
 * @param limits   the most storage the claim may use
 * @param requests the least storage the claim needs; {@code storage} is required by validation
 */
public record VolumeResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests) {

    /** The resource name of storage capacity. */
    public static final String STORAGE = "storage";

    /** Normalises absent maps. */
    public VolumeResourceRequirements {
        limits = Immutables.map(limits);
        requests = Immutables.map(requests);
    }

    /**
     * Requirements requesting {@code storage}, such as {@code 1Gi}.
     *
     * @throws IllegalArgumentException if {@code storage} is not a quantity
     */
    public static VolumeResourceRequirements storage(String storage) {
        return new VolumeResourceRequirements(Map.of(), Map.of(STORAGE, Quantity.parse(storage)));
    }

    /** The requested storage, if any. */
    public Optional<Quantity> requestedStorage() {
        return Optional.ofNullable(requests.get(STORAGE));
    }
}
