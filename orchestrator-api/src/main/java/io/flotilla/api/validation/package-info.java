/**
 * Validation with Kubernetes' field paths and messages: {@link io.flotilla.api.validation.FieldError} values are
 * collected into {@link io.flotilla.api.validation.ValidationErrors} and thrown together as one
 * {@link io.flotilla.api.validation.InvalidResourceException}, so a user sees every problem at once.
 * {@link io.flotilla.api.validation.Checks} holds the rules shared by every kind (names, labels, ports, quantities).
 */
package io.flotilla.api.validation;
