package io.flotilla.api.batch;

import java.util.Locale;

/**
 * One field of a five-field cron expression, as a bit set of the values it matches. {@code star} records a bare
 * {@code *} or {@code ?} (with no step above 1), which matters for cron's day-of-month / day-of-week rule.
 * Immutable.
 */
record CronField(long bits, boolean star) {

    boolean has(int value) {
        return (bits & (1L << value)) != 0;
    }

    /**
     * Parses a comma-separated list of {@code *}, {@code n}, {@code a-b}, each optionally with {@code /step}.
     *
     * @param names upper-case names by value ({@code names[1] = "JAN"}), or {@code null} for numbers only
     * @throws IllegalArgumentException naming the bad part
     */
    static CronField parse(String field, int min, int max, String[] names) {
        long bits = 0;
        boolean star = false;
        for (String expr : field.split(",", -1)) {
            CronField part = part(expr, min, max, names);
            bits |= part.bits;
            star |= part.star;
        }
        return new CronField(bits, star);
    }

    /** One element of the list: {@code *}, {@code n} or {@code a-b}, optionally with {@code /step}. */
    private static CronField part(String expr, int min, int max, String[] names) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        boolean star = lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?");
        if (star && !single) {
            throw new IllegalArgumentException("failed to parse int from " + rangeAndStep[0]);
        }
        int start = star ? min : value(lowAndHigh[0], names);
        int end = star ? max : switch (lowAndHigh.length) {
            case 1 -> start;
            case 2 -> value(lowAndHigh[1], names);
            default -> throw new IllegalArgumentException("too many hyphens: " + expr);
        };
        int step = 1;
        if (rangeAndStep.length == 2) {
            step = number(rangeAndStep[1]);
            end = single ? max : end;
            star &= step <= 1;
        } else if (rangeAndStep.length > 2) {
            throw new IllegalArgumentException("too many slashes: " + expr);
        }
        check(expr, start, end, step, min, max);
        long bits = 0;
        for (int v = start; v <= end; v += step) {
            bits |= 1L << v;
        }
        return new CronField(bits, star);
    }

    private static void check(String expr, int start, int end, int step, int min, int max) {
        if (start < min) {
            throw new IllegalArgumentException(
                    "beginning of range (" + start + ") below minimum (" + min + "): " + expr);
        }
        if (end > max) {
            throw new IllegalArgumentException("end of range (" + end + ") above maximum (" + max + "): " + expr);
        }
        if (start > end) {
            throw new IllegalArgumentException(
                    "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
        }
        if (step == 0) {
            throw new IllegalArgumentException("step of range should be a positive number: " + expr);
        }
    }

    private static int value(String text, String[] names) {
        if (names != null) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (!names[i].isEmpty() && names[i].equals(upper)) {
                    return i;
                }
            }
        }
        return number(text);
    }

    private static int number(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + text);
        }
        if (n < 0) {
            throw new IllegalArgumentException("negative number (" + n + ") not allowed: " + text);
        }
        return n;
    }
}
