package io.flotilla.core.controllers.cronjob;

import io.flotilla.api.batch.CronSchedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Kubernetes' {@code mostRecentScheduleTime}: of the schedule times after {@code earliest} and not after
 * {@code now}, the latest and how many there were. Immutable.
 *
 * @param mostRecent the latest missed schedule time, or {@code null} if there is none
 * @param missed     how many schedule times fell in the window; the search stops after {@link #COUNT_LIMIT}
 *                   of them (then {@code mostRecent} is the last one found)
 */
record ScheduleTimes(Instant mostRecent, int missed) {
    /** Kubernetes warns when more than this many schedule times were missed. */
    static final int TOO_MANY = 100;
    /** How many times are counted at most; past it only the latest is searched for. */
    static final int COUNT_LIMIT = 100_000;

    /** The schedule times of {@code schedule} in {@code zone} in {@code (earliest, now]}. */
    static ScheduleTimes between(CronSchedule schedule, ZoneId zone, Instant earliest, Instant now) {
        Instant latest = null;
        int count = 0;
        ZonedDateTime t = earliest.atZone(zone);
        while (true) {
            Optional<ZonedDateTime> next = schedule.next(t);
            if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
                break;
            }
            t = next.get();
            latest = t.toInstant();
            if (count < COUNT_LIMIT) {
                count++;
            } else {
                break;
            }
        }
        return new ScheduleTimes(latest, count);
    }

    /** The first schedule time after {@code now}, if any within the schedule's search horizon. */
    static Optional<Instant> next(CronSchedule schedule, ZoneId zone, Instant now) {
        return schedule.next(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }
}
