package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import io.flotilla.api.meta.Quantity;
import java.util.Map;

/**
 * The compute resources a container asks for ({@code requests}, used for scheduling) and may use at most
 * ({@code limits}). Immutable; maps are never {@code null}.
 *
 * @param limits   the most the container may use, by resource name
 * @param requests what the scheduler reserves, by resource name
 */
public record ResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests) {

    /** CPU, in cores ({@code 250m} is a quarter core). */
    public static final String CPU = "cpu";
    /** Memory, in bytes ({@code 64Mi}). */
    public static final String MEMORY = "memory";
    /** Local ephemeral storage, in bytes. */
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    /** No requests and no limits. */
    public static final ResourceRequirements NONE = new ResourceRequirements(Map.of(), Map.of());

    /** Normalises the maps. */
    public ResourceRequirements {
        limits = Immutables.map(limits);
        requests = Immutables.map(requests);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder(NONE);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The effective request of {@code resource}: the request, else the limit (Kubernetes defaults a missing
     * request to the limit), else {@code null}.
     */
    public Quantity effectiveRequest(String resource) {
        Quantity q = requests.get(resource);
        return q != null ? q : limits.get(resource);
    }

    /**
     * Fluent builder of {@link ResourceRequirements}. Not thread-safe.
     *
     * <p>The short names set <em>requests</em> ({@code r.cpu("250m").memory("64Mi")}); the {@code limitXxx} names
     * set limits. Nothing is copied from requests to limits or back: what is written is what is stored.
     */
    public static final class Builder {
        private Map<String, Quantity> limits;
        private Map<String, Quantity> requests;

        private Builder(ResourceRequirements from) {
            limits = from.limits;
            requests = from.requests;
        }

        /** Requests {@code quantity} of CPU, such as {@code 250m}. */
        public Builder cpu(String quantity) {
            return request(CPU, quantity);
        }

        /** Requests {@code quantity} of memory, such as {@code 64Mi}. */
        public Builder memory(String quantity) {
            return request(MEMORY, quantity);
        }

        /** Limits CPU to {@code quantity}. */
        public Builder limitCpu(String quantity) {
            return limit(CPU, quantity);
        }

        /** Limits memory to {@code quantity}. */
        public Builder limitMemory(String quantity) {
            return limit(MEMORY, quantity);
        }

        /**
         * Requests {@code quantity} of {@code resource}.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder request(String resource, String quantity) {
            requests = Immutables.with(requests, resource, Quantity.parse(quantity));
            return this;
        }

        /**
         * Limits {@code resource} to {@code quantity}.
         *
         * @throws IllegalArgumentException if {@code quantity} is not a quantity
         */
        public Builder limit(String resource, String quantity) {
            limits = Immutables.with(limits, resource, Quantity.parse(quantity));
            return this;
        }

        /** Requests and limits {@code resource} to the same {@code quantity} (a Guaranteed-style setting). */
        public Builder exactly(String resource, String quantity) {
            return request(resource, quantity).limit(resource, quantity);
        }

        /** The requirements built so far. */
        public ResourceRequirements build() {
            return new ResourceRequirements(limits, requests);
        }
    }
}
