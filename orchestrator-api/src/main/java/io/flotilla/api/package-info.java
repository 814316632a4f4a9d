/**
 * Flotilla's public resource model and extension SPIs. {@link io.flotilla.api.ResourceTypes} lists every kind the
 * model knows; the kinds themselves live in sub-packages named after their Kubernetes API group
 * ({@code core}, {@code apps}, {@code batch}, ...).
 */
package io.flotilla.api;
