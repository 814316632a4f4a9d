package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;

/**
 * Validation of {@link Event}: the involved object's namespace matches the event's, type and counts are valid, and
 * new-style events (with {@code eventTime}) name their reporter, action and reason.
 */
final class EventValidation {
    private static final int MAX_SHORT = 128;
    private static final int MAX_MESSAGE = 4096;

    private EventValidation() {
    }

    static void validate(Event event, ValidationErrors errors) {
        Checks.objectMeta(event.metadata(), Event.TYPE.namespaced(), false, errors);
        ObjectReference involved = event.involvedObject();
        if (involved == null) {
            errors.required(FieldPath.of("involvedObject"), "");
        } else {
            String ns = involved.namespace();
            String eventNs = event.metadata().namespace();
            if (ns != null && !ns.isEmpty() && eventNs != null && !eventNs.isEmpty() && !ns.equals(eventNs)) {
                errors.invalid(FieldPath.of("involvedObject").child("namespace"), ns,
                        "does not match event.namespace");
            }
        }
        Checks.oneOf(event.eventType(), Event.TYPES, FieldPath.of("type"), errors);
        Checks.nonNegative(event.count(), FieldPath.of("count"), errors);
        if (event.series() != null) {
            Checks.nonNegative(event.series().count(), FieldPath.of("series").child("count"), errors);
        }
        if (event.eventTime() != null) {
            Checks.required(event.reportingComponent(), FieldPath.of("reportingComponent"), errors);
            Checks.required(event.reportingInstance(), FieldPath.of("reportingInstance"), errors);
            Checks.required(event.action(), FieldPath.of("action"), errors);
            Checks.required(event.reason(), FieldPath.of("reason"), errors);
        }
        maxLength(event.action(), MAX_SHORT, FieldPath.of("action"), errors);
        maxLength(event.reason(), MAX_SHORT, FieldPath.of("reason"), errors);
        maxLength(event.message(), MAX_MESSAGE, FieldPath.of("message"), errors);
    }

    private static void maxLength(String value, int max, FieldPath path, ValidationErrors errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(path, FieldError.Type.TOO_LONG, null, "may not be more than " + max
                    + " characters"));
        }
    }
}
