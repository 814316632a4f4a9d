package io.flotilla.api.meta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A Kubernetes resource quantity such as {@code 250m}, {@code 1.5}, {@code 64Mi}, {@code 1G} or {@code 1e3}.
 * STUB: parsing is being completed; see the helper brief.
 */
public final class Quantity implements Comparable<Quantity> {
    private final BigDecimal value;

    private Quantity(BigDecimal value) {
        this.value = value;
    }

    /**
     * Parses a quantity.
     *
     * @throws IllegalArgumentException naming the text when it is not a quantity
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Quantity parse(String text) {
        return new Quantity(new BigDecimal(text));
    }

    /** The exact numeric value. */
    public BigDecimal value() {
        return value;
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
