package io.flotilla.api.manifest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;

/**
 * Turns Jackson's binding failures into {@link FieldError}s in the user's terms: the field path as written in the
 * manifest, and what was expected there, never a Java class name or a stack trace.
 */
final class BindingErrors {
    private BindingErrors() {
    }

    static FieldError toFieldError(JsonMappingException e, boolean strict) {
        FieldPath path = FieldPath.root();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path = path.child(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path = path.index(ref.getIndex());
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(path, FieldError.Type.UNKNOWN_FIELD, null,
                    "field is not declared in the schema" + (strict ? " (is it misspelled or misplaced?)" : ""));
        }
        if (e instanceof ValueInstantiationException vie) {
            Throwable cause = vie.getCause() == null ? vie : vie.getCause();
            return FieldError.invalid(path, null, cause.getMessage());
        }
        if (e instanceof InvalidFormatException ife) {
            return FieldError.invalid(path, String.valueOf(ife.getValue()), "must be " + expected(ife.getTargetType()));
        }
        if (e instanceof MismatchedInputException mie) {
            return FieldError.invalid(path, null, "must be " + expected(mie.getTargetType()));
        }
        return FieldError.invalid(path, null, e.getOriginalMessage());
    }

    /** What a Java type looks like in a manifest. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (an object with fields)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
