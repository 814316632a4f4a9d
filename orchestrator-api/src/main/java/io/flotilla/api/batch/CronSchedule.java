package io.flotilla.api.batch;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed CronJob schedule, with the syntax Kubernetes accepts: five fields (minute, hour, day of month, month,
 * day of week) of {@code *}, {@code ?}, numbers, names ({@code JAN}, {@code MON}), ranges, lists and steps, or a
 * descriptor ({@code @hourly}, {@code @daily}, {@code @midnight}, {@code @weekly}, {@code @monthly},
 * {@code @yearly}, {@code @annually}, {@code @every 1h30m}). As in cron, when both day fields are restricted a time
 * matches if either does. Immutable and thread-safe.
 *
 * <pre>{@code
 * CronSchedule nightly = CronSchedule.parse("30 2 * * *");
 * Optional<ZonedDateTime> next = nightly.next(ZonedDateTime.now(clock));
 * }</pre>
 */
public final class CronSchedule {
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final Pattern EVERY = Pattern.compile("@every (.+)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(h|m|s)");
    private static final String[] MONTHS =
            {"", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final int YEARS_SEARCHED = 5;

    private final String expression;
    private final Duration every;
    private final CronField minutes;
    private final CronField hours;
    private final CronField daysOfMonth;
    private final CronField months;
    private final CronField daysOfWeek;

    private CronSchedule(String expression, Duration every, CronField[] fields) {
        this.expression = expression;
        this.every = every;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        this.daysOfWeek = fields[4];
    }

    /**
     * Parses a schedule.
     *
     * @param expression the schedule, such as {@code "30 2 * * *"} or {@code "@daily"}
     * @return the schedule
     * @throws IllegalArgumentException with a message saying what is wrong, if the expression is not valid
     * @throws NullPointerException     if {@code expression} is {@code null}
     */
    public static CronSchedule parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String spec = expression.trim();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("empty spec string");
        }
        Matcher every = EVERY.matcher(spec);
        if (every.matches()) {
            return new CronSchedule(expression, parseDuration(every.group(1).trim()), new CronField[5]);
        }
        if (spec.startsWith("@")) {
            String standard = DESCRIPTORS.get(spec.toLowerCase(Locale.ROOT));
            if (standard == null) {
                throw new IllegalArgumentException("unrecognized descriptor: " + spec);
            }
            spec = standard;
        }
        String[] parts = spec.split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("expected exactly 5 fields, found " + parts.length + ": " + spec);
        }
        CronField[] fields = {
            CronField.parse(parts[0], 0, 59, null),
            CronField.parse(parts[1], 0, 23, null),
            CronField.parse(parts[2], 1, 31, null),
            CronField.parse(parts[3], 1, 12, MONTHS),
            CronField.parse(parts[4], 0, 6, DAYS)};
        return new CronSchedule(expression, null, fields);
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("failed to parse duration @every " + text
                    + ": use a duration such as 90s, 5m or 1h30m");
        }
        return total.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : total;
    }

    /** The expression as given to {@link #parse}. */
    public String expression() {
        return expression;
    }

    /**
     * The first time strictly after {@code after} at which this schedule fires, in the same zone. A five-field
     * schedule fires on whole minutes; an {@code @every} schedule fires at {@code after} (to the second) plus its
     * interval.
     *
     * @param after the reference time; never {@code null}
     * @return the next time, or empty if none exists within five years (such as {@code 0 0 30 2 *})
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        if (every != null) {
            return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(every));
        }
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        int lastYear = t.getYear() + YEARS_SEARCHED;
        while (t.getYear() <= lastYear) {
            if (!months.has(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.has(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.has(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.has(t.getDayOfMonth());
        boolean dow = daysOfWeek.has(t.getDayOfWeek().getValue() % 7);
        // Cron's rule: a star in either day field makes both required; two restricted fields match either.
        return daysOfMonth.star() || daysOfWeek.star() ? dom && dow : dom || dow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule other && other.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
