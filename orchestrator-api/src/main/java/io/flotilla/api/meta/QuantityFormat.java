package io.flotilla.api.meta;

/** The three ways a {@link Quantity} prints, remembered from how it was written (Kubernetes' {@code Format}). */
enum QuantityFormat {
    /** Powers of 1000 with SI suffixes: {@code 250m}, {@code 1k}, {@code 5G}. */
    DECIMAL_SI,
    /** Powers of 1024 with binary suffixes: {@code 64Mi}, {@code 1Gi}. */
    BINARY_SI,
    /** Powers of 10 as exponents that are multiples of 3: {@code 1e3}, {@code 15e-3}. */
    DECIMAL_EXPONENT
}
