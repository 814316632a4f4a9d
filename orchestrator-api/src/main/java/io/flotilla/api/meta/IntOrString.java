package io.flotilla.api.meta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Kubernetes' int-or-string: a port number or port name ({@code targetPort: http}), or a count or percentage
 * ({@code maxSurge: 25%}). Immutable; written to YAML as a number or a string, exactly as read.
 */
public final class IntOrString {
    private final Integer intValue;
    private final String stringValue;

    private IntOrString(Integer intValue, String stringValue) {
        this.intValue = intValue;
        this.stringValue = stringValue;
    }

    /** An integer value. */
    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    /** A string value such as a port name or {@code "25%"}. */
    public static IntOrString of(String value) {
        return new IntOrString(null, Objects.requireNonNull(value, "value"));
    }

    /** A percentage such as {@code 25%}. */
    public static IntOrString percent(int percent) {
        return of(percent + "%");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IntOrString fromJson(Object value) {
        if (value instanceof Integer i) {
            return of(i);
        }
        if (value instanceof String s) {
            return of(s);
        }
        throw new IllegalArgumentException("must be an integer or a string");
    }

    @JsonValue
    Object toJson() {
        return intValue != null ? intValue : stringValue;
    }

    /** Whether this holds an integer. */
    public boolean isInt() {
        return intValue != null;
    }

    /**
     * The integer value.
     *
     * @throws IllegalStateException if this holds a string
     */
    public int intValue() {
        if (intValue == null) {
            throw new IllegalStateException("not an integer: " + stringValue);
        }
        return intValue;
    }

    /** The value as a string: the string held, or the integer printed. */
    public String stringValue() {
        return stringValue != null ? stringValue : intValue.toString();
    }

    /** Whether this is a percentage such as {@code 25%}. */
    public boolean isPercent() {
        return stringValue != null && stringValue.endsWith("%");
    }

    /**
     * Resolves a count or percentage against {@code total} as Kubernetes does: a percentage is {@code total × p / 100}
     * rounded up or down as asked, an integer is itself.
     *
     * @throws IllegalArgumentException if this is a string but not a percentage
     */
    public int scaledValue(int total, boolean roundUp) {
        if (intValue != null) {
            return intValue;
        }
        if (!isPercent()) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        int percent;
        try {
            percent = Integer.parseInt(stringValue.substring(0, stringValue.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value for IntOrString: " + stringValue, e);
        }
        long scaled = (long) total * percent;
        return (int) (roundUp ? Math.ceilDiv(scaled, 100) : Math.floorDiv(scaled, 100));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntOrString other && Objects.equals(intValue, other.intValue)
                && Objects.equals(stringValue, other.stringValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intValue, stringValue);
    }

    @Override
    public String toString() {
        return stringValue();
    }
}
