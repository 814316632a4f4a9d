package io.flotilla.core.diagnostics;

import java.time.Duration;
import java.time.Instant;

/** Ages as {@code kubectl} prints them ({@code 45s}, {@code 3m12s}, {@code 5h}, {@code 2d3h}). */
final class Ages {
    private Ages() {
    }

    /** The age of something created at {@code since}, seen at {@code now}; {@code <unknown>} without a time. */
    static String since(Instant since, Instant now) {
        return since == null ? "<unknown>" : human(Duration.between(since, now));
    }

    /** {@code d} in kubectl's human format (the rules of apimachinery's {@code duration.HumanDuration}). */
    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long years = hours / 24 / 365;
        return years < 8 ? years + "y" + (hours / 24) % 365 + "d" : years + "y";
    }
}
