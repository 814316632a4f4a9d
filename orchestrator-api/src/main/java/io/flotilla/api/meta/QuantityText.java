package io.flotilla.api.meta;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Parsing and canonical printing of {@link Quantity}, after k8s.io/apimachinery {@code resource.ParseQuantity} and
 * {@code Quantity.CanonicalizeBytes}.
 *
 * <p>Design notes. The grammar is the one documented on Kubernetes' {@code Quantity}:
 * {@code [+-]? (digits | digits. | .digits | digits.digits) suffix}, the suffix being a decimal SI suffix
 * ({@code n u m "" k M G T P E}), a binary one ({@code Ki Mi Gi Ti Pi Ei}) or a decimal exponent ({@code e3},
 * {@code E-2}). Parsing then does what Kubernetes does: a non-zero value finer than a nano is rounded away from zero
 * to a whole number of nanos, a binary value is capped at 2^63-1 in magnitude, and a binary value below one keeps
 * decimal SI format. Where Kubernetes' scanner is looser than its own grammar (a lone sign or {@code .} parses as 0
 * there; an exponent beyond int32 wraps) this follows the grammar, and values of 10^1000 or more are refused so that
 * no input makes arithmetic expensive.
 *
 * <p>Printing keeps the format family, and writes the largest suffix (or exponent, a multiple of 3) that leaves an
 * integer mantissa; binary values print in binary only when they are whole numbers of at least 1024, others print
 * as decimal SI. Every printed form parses back to the same value.
 */
final class QuantityText {
    /** The regular expression Kubernetes names in its error message. */
    static final String REGEX = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
    /** Values must be smaller than 10^MAX_MAGNITUDE in magnitude. */
    static final int MAX_MAGNITUDE = 1000;

    private static final String SUFFIX_CHARS = "eEinumkKMGTP";
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal NANO = BigDecimal.ONE.movePointLeft(9);
    private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal BINARY_MIN = BigDecimal.valueOf(1024);
    private static final long EXPONENT_CLAMP = 1_000_000_000_000L;

    private QuantityText() {
    }

    /** A suffix's meaning: value × base^power, printed in {@code format}. */
    private record Suffix(int base, long power, QuantityFormat format) {
    }

    /** The parts of a quantity's text: sign, the digits without the point, how many follow it, the suffix. */
    private record Parts(boolean negative, String digits, int fraction, String suffix) {
    }

    /**
     * Parses {@code text}; on bad input throws or, if {@code orNull}, returns {@code null}.
     *
     * @throws IllegalArgumentException naming the text, if it is not a quantity and not {@code orNull}
     */
    static Quantity parse(String text, boolean orNull) {
        Parts parts = split(text);
        if (parts == null) {
            return fail(orNull, text, "quantities must match the regular expression '" + REGEX
                    + "' (such as 250m, 1.5, 64Mi, 1G or 1e3)");
        }
        Suffix suffix = suffix(parts.suffix);
        if (suffix == null) {
            return fail(orNull, text, "unable to parse quantity's suffix '" + parts.suffix
                    + "' (use n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent such as e3)");
        }
        BigDecimal value = suffix.base == 2 ? binary(parts.digits, parts.fraction, suffix.power)
                : decimal(parts.digits, parts.fraction, suffix.power);
        if (value == null) {
            return fail(orNull, text, "quantities must be smaller than 1e" + MAX_MAGNITUDE);
        }
        QuantityFormat format = suffix.format;
        if (format == QuantityFormat.BINARY_SI && value.compareTo(BigDecimal.ONE) < 0) {
            format = QuantityFormat.DECIMAL_SI;
        }
        return new Quantity(parts.negative ? value.negate() : value, format);
    }

    /** Scans {@code [+-]? digits? (. digits?)? [eEinumkKMGTP]* [+-]? digits?} with at least one number digit. */
    private static Parts split(String text) {
        int n = text.length();
        int pos = 0;
        boolean negative = n > 0 && text.charAt(0) == '-';
        if (n > 0 && (negative || text.charAt(0) == '+')) {
            pos++;
        }
        int wholeStart = pos;
        pos = digits(text, pos);
        int wholeEnd = pos;
        int fractionStart = pos;
        if (pos < n && text.charAt(pos) == '.') {
            fractionStart = ++pos;
            pos = digits(text, pos);
        }
        int fractionEnd = pos;
        int suffixStart = pos;
        while (pos < n && SUFFIX_CHARS.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < n && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        }
        if (digits(text, pos) != n || wholeEnd - wholeStart + fractionEnd - fractionStart == 0) {
            return null;
        }
        return new Parts(negative, text.substring(wholeStart, wholeEnd) + text.substring(fractionStart, fractionEnd),
                fractionEnd - fractionStart, text.substring(suffixStart));
    }

    private static int digits(String text, int pos) {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }

    private static Quantity fail(boolean orNull, String text, String detail) {
        if (orNull) {
            return null;
        }
        throw new IllegalArgumentException("invalid quantity \"" + text + "\": " + detail);
    }

    private static Suffix suffix(String s) {
        for (int i = 0; i < DECIMAL_SUFFIXES.length; i++) {
            if (DECIMAL_SUFFIXES[i].equals(s)) {
                return new Suffix(10, 3L * i - 9, QuantityFormat.DECIMAL_SI);
            }
        }
        for (int i = 1; i < BINARY_SUFFIXES.length; i++) {
            if (BINARY_SUFFIXES[i].equals(s)) {
                return new Suffix(2, 10L * i, QuantityFormat.BINARY_SI);
            }
        }
        if (s.length() < 2 || (s.charAt(0) != 'e' && s.charAt(0) != 'E')) {
            return null;
        }
        int pos = s.charAt(1) == '+' || s.charAt(1) == '-' ? 2 : 1;
        if (pos == s.length() || digits(s, pos) != s.length()) {
            return null;
        }
        long exponent = 0;
        for (int i = pos; i < s.length(); i++) {
            exponent = Math.min(EXPONENT_CLAMP, exponent * 10 + (s.charAt(i) - '0'));
        }
        return new Suffix(10, s.charAt(1) == '-' ? -exponent : exponent, QuantityFormat.DECIMAL_EXPONENT);
    }

    /** digits × 10^(power - fraction), rounded up to nanos; {@code null} if too large. */
    private static BigDecimal decimal(String digits, int fraction, long power) {
        String significant = stripLeadingZeros(digits);
        if (significant.isEmpty()) {
            return BigDecimal.ZERO;
        }
        // The value lies in [10^(magnitude-1), 10^magnitude).
        long magnitude = significant.length() - (long) fraction + power;
        if (magnitude > MAX_MAGNITUDE) {
            return null;
        }
        if (magnitude <= -9) {
            return NANO;
        }
        BigDecimal value = new BigDecimal(new BigInteger(significant), Math.toIntExact(fraction - power));
        return roundToNano(value);
    }

    /** digits / 10^fraction × 2^power, rounded up to nanos and capped at 2^63-1. */
    private static BigDecimal binary(String digits, int fraction, long power) {
        String significant = stripLeadingZeros(digits);
        if (significant.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (significant.length() - fraction > 19) {
            return MAX_INT64;
        }
        BigDecimal value = new BigDecimal(new BigInteger(significant), fraction)
                .multiply(new BigDecimal(BigInteger.ONE.shiftLeft((int) power)));
        value = roundToNano(value);
        return value.compareTo(MAX_INT64) > 0 ? MAX_INT64 : value;
    }

    private static BigDecimal roundToNano(BigDecimal value) {
        BigDecimal rounded = value.scale() > 9 ? value.setScale(9, RoundingMode.UP) : value;
        return rounded.stripTrailingZeros();
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** The canonical form of {@code value}, which has no trailing zeros, in {@code format}'s family. */
    static String format(BigDecimal value, QuantityFormat format) {
        if (value.signum() == 0) {
            return "0";
        }
        if (format == QuantityFormat.BINARY_SI) {
            BigDecimal magnitude = value.abs();
            // Below 1024, fractional or beyond what a binary quantity parses to: decimal SI keeps it exact.
            if (magnitude.compareTo(BINARY_MIN) >= 0 && value.scale() <= 0 && magnitude.compareTo(MAX_INT64) <= 0) {
                long mantissa = value.longValueExact();
                int power = 0;
                while (power < BINARY_SUFFIXES.length - 1 && mantissa % 1024 == 0) {
                    mantissa /= 1024;
                    power++;
                }
                return mantissa + BINARY_SUFFIXES[power];
            }
            format = QuantityFormat.DECIMAL_SI;
        }
        BigInteger mantissa = value.unscaledValue();
        long exponent = -(long) value.scale();
        int down = Math.floorMod(exponent, 3);
        if (down != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
            exponent -= down;
        }
        if (format == QuantityFormat.DECIMAL_SI && exponent >= -9 && exponent <= 18) {
            return mantissa + DECIMAL_SUFFIXES[(int) (exponent + 9) / 3];
        }
        return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
}
