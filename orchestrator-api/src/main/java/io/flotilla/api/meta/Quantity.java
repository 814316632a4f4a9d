package io.flotilla.api.meta;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Kubernetes resource quantity such as {@code 250m}, {@code 1.5}, {@code 64Mi}, {@code 1G} or {@code 1e3}: an
 * exact decimal number (never a floating-point one) with Kubernetes' {@code resource.Quantity} semantics.
 *
 * <p><b>Parsing</b> accepts {@code <signedNumber><suffix>} where the number is {@code 12}, {@code 1.5}, {@code 5.}
 * or {@code .5} with an optional sign, and the suffix is a decimal SI one ({@code n u m k M G T P E}, or none), a
 * binary one ({@code Ki Mi Gi Ti Pi Ei}) or a decimal exponent ({@code e3}, {@code E-2}). As in Kubernetes, a
 * non-zero value finer than a nano is rounded away from zero to a whole nano ({@code 0.1n} is {@code 1n}) and a
 * binary value is capped at 2^63-1. Values of 10^1000 or more are refused.
 *
 * <p><b>Printing</b> ({@link #toString()}, and YAML/JSON) gives Kubernetes' canonical form: the format family the
 * quantity was written in (binary, decimal SI or decimal exponent) with the largest suffix that leaves a whole
 * mantissa, so {@code 1.5} prints {@code 1500m}, {@code 1024Mi} prints {@code 1Gi}, {@code 1000} prints
 * {@code 1k} and {@code 1e3} stays {@code 1e3}. Binary quantities below 1024 or not whole print as decimal SI.
 *
 * <p><b>Equality</b> is numeric, like Kubernetes' {@code Cmp}: {@code 1Gi} equals {@code 1073741824} and
 * {@code 1k} equals {@code 1e3} although they print differently. {@code parse(q.toString()).equals(q)} always holds,
 * so resources holding quantities are equal after a YAML or JSON round trip.
 *
 * <p>Immutable and thread-safe. Methods reject {@code null} arguments with {@link NullPointerException}.
 */
@JsonDeserialize(using = Quantity.JsonReader.class)
public final class Quantity implements Comparable<Quantity> {
    /** Zero. */
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, QuantityFormat.DECIMAL_SI);

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /** The exact value, a whole number of nanos, without trailing zeros (so equal values are equal objects). */
    private final BigDecimal value;
    private final QuantityFormat format;
    /** The canonical form, computed on first use; a benign race, as String's hash is. */
    private String text;

    Quantity(BigDecimal value, QuantityFormat format) {
        this.value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        this.format = format;
    }

    /**
     * Parses a quantity in Kubernetes' syntax, such as {@code 250m}, {@code 1.5}, {@code 64Mi} or {@code 1e3}.
     *
     * @throws IllegalArgumentException naming the text and saying what a quantity looks like, if it is not one (such
     *                                  as {@code ""}, {@code 1.2.3}, {@code Mi}, {@code 1 Mi}, {@code 1mi},
     *                                  {@code 1KB})
     */
    public static Quantity parse(String text) {
        return QuantityText.parse(Objects.requireNonNull(text, "text"), false);
    }

    /** Whether {@code text} is a quantity that {@link #parse} accepts; {@code false} for {@code null}. */
    public static boolean isValid(String text) {
        return text != null && QuantityText.parse(text, true) != null;
    }

    /** A whole number, printed in decimal SI: {@code of(2)} is {@code 2}, {@code of(1000)} is {@code 1k}. */
    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value), QuantityFormat.DECIMAL_SI);
    }

    /** A number of thousandths, as CPU is counted: {@code milli(250)} is {@code 250m}, {@code milli(1000)} is 1. */
    public static Quantity milli(long milli) {
        return new Quantity(BigDecimal.valueOf(milli, 3), QuantityFormat.DECIMAL_SI);
    }

    /** A number of bytes, printed in binary: {@code bytes(64 << 20)} is {@code 64Mi}. */
    public static Quantity bytes(long bytes) {
        return new Quantity(BigDecimal.valueOf(bytes), QuantityFormat.BINARY_SI);
    }

    /** The exact value; for {@code 250m}, {@code 0.25}. Never {@code null}. */
    public BigDecimal value() {
        return value;
    }

    /**
     * The value rounded up (away from zero) to a whole number, like Kubernetes' {@code Value()}: {@code 1500m} gives
     * 2 and {@code -1500m} gives -2. Values beyond the range of {@code long} give {@link Long#MAX_VALUE} or
     * {@link Long#MIN_VALUE} (Kubernetes' result is undefined there).
     */
    public long longValue() {
        return saturated(value);
    }

    /**
     * The value in thousandths, rounded up (away from zero), like Kubernetes' {@code MilliValue()}: {@code 0.1}
     * gives 100 and {@code 1n} gives 1. Values beyond the range of {@code long} give {@link Long#MAX_VALUE} or
     * {@link Long#MIN_VALUE}.
     */
    public long milliValue() {
        return saturated(value.movePointRight(3));
    }

    private static long saturated(BigDecimal v) {
        if (v.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return v.setScale(0, RoundingMode.UP).longValue();
    }

    /** This plus {@code other}, printed in this quantity's format (in {@code other}'s if this is zero). */
    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value), isZero() ? other.format : format);
    }

    /** This minus {@code other}, printed in this quantity's format (in {@code other}'s if this is zero). */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value), isZero() ? other.format : format);
    }

    /** Whether this is zero. */
    public boolean isZero() {
        return value.signum() == 0;
    }

    /** -1, 0 or 1 as this is negative, zero or positive. */
    public int signum() {
        return value.signum();
    }

    /** Compares by value: {@code 1Gi} is greater than {@code 1G}. */
    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    /** Whether {@code o} is a quantity of the same value, however either prints. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The canonical form, such as {@code 1500m}, {@code 64Mi} or {@code 1e3}; this is what YAML and JSON hold. */
    @JsonValue
    @Override
    public String toString() {
        String s = text;
        if (s == null) {
            s = QuantityText.format(value, format);
            text = s;
        }
        return s;
    }

    /**
     * Reads a quantity from a JSON or YAML string or number ({@code cpu: 1}, {@code cpu: 0.5}, {@code memory: 64Mi}),
     * trimming spaces as Kubernetes does; a number is read from its text where the parser keeps it.
     */
    static final class JsonReader extends StdScalarDeserializer<Quantity> {
        private static final long serialVersionUID = 1L;

        JsonReader() {
            super(Quantity.class);
        }

        @Override
        public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Quantity) ctxt.handleUnexpectedToken(Quantity.class, p);
            }
            try {
                return parse(p.getText().trim());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
