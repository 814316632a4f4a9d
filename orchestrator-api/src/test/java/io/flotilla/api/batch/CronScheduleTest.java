package io.flotilla.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** CronSchedule: Kubernetes' cron syntax, its error messages, and next fire times. */
class CronScheduleTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ZonedDateTime at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone);
    }

    private static ZonedDateTime next(String schedule, String after) {
        return CronSchedule.parse(schedule).next(at(after, UTC)).orElseThrow();
    }

    @Test
    void everyFiveMinutes() {
        assertThat(next("*/5 * * * *", "2024-05-01T10:02:30")).isEqualTo(at("2024-05-01T10:05:00", UTC));
        assertThat(next("*/5 * * * *", "2024-05-01T10:05:00")).isEqualTo(at("2024-05-01T10:10:00", UTC));
    }

    @Test
    void nightlyRollsOverDaysMonthsAndYears() {
        assertThat(next("30 2 * * *", "2024-05-01T03:00")).isEqualTo(at("2024-05-02T02:30:00", UTC));
        assertThat(next("0 0 1 1 *", "2024-05-01T03:00")).isEqualTo(at("2025-01-01T00:00:00", UTC));
        assertThat(next("@monthly", "2024-01-31T12:00")).isEqualTo(at("2024-02-01T00:00:00", UTC));
    }

    @Test
    void namesRangesListsAndSteps() {
        // 2024-05-03 is a Friday.
        assertThat(next("0 9 * * MON-FRI", "2024-05-03T10:00")).isEqualTo(at("2024-05-06T09:00:00", UTC));
        assertThat(next("15,45 8-10/2 * JAN,MAY *", "2024-05-01T08:50")).isEqualTo(at("2024-05-01T10:15:00", UTC));
        assertThat(next("0 12 * * sun", "2024-05-03T00:00")).isEqualTo(at("2024-05-05T12:00:00", UTC));
    }

    @Test
    void restrictedDayFieldsMatchEither() {
        // The 13th, or any Friday: after Wed 2024-05-01 the first is Friday the 3rd.
        assertThat(next("0 0 13 * 5", "2024-05-01T00:00")).isEqualTo(at("2024-05-03T00:00:00", UTC));
        // With a star day of week, only the 13th.
        assertThat(next("0 0 13 * *", "2024-05-01T00:00")).isEqualTo(at("2024-05-13T00:00:00", UTC));
    }

    @Test
    void followsTheZoneAcrossDaylightSaving() {
        // Paris springs forward on 2024-03-31 at 02:00; 02:30 does not exist that day.
        ZonedDateTime next = CronSchedule.parse("30 3 * * *").next(at("2024-03-31T01:00", PARIS)).orElseThrow();
        assertThat(next.toLocalDateTime()).isEqualTo(java.time.LocalDateTime.parse("2024-03-31T03:30"));
        assertThat(next.getZone()).isEqualTo(PARIS);
    }

    @Test
    void impossibleDatesHaveNoNextTime() {
        assertThat(CronSchedule.parse("0 0 30 2 *").next(at("2024-01-01T00:00", UTC))).isEmpty();
    }

    @Test
    void everyDescriptorAddsItsInterval() {
        assertThat(CronSchedule.parse("@every 1h30m").next(at("2024-05-01T10:00:00.5", UTC)))
                .contains(at("2024-05-01T11:30:00", UTC));
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertInvalid("", "empty spec string");
        assertInvalid("* * * *", "expected exactly 5 fields, found 4: * * * *");
        assertInvalid("60 * * * *", "end of range (60) above maximum (59): 60");
        assertInvalid("* * 0 * *", "beginning of range (0) below minimum (1): 0");
        assertInvalid("5-3 * * * *", "beginning of range (5) beyond end of range (3): 5-3");
        assertInvalid("*/0 * * * *", "step of range should be a positive number: */0");
        assertInvalid("abc * * * *", "failed to parse int from abc");
        assertInvalid("1-2-3 * * * *", "too many hyphens: 1-2-3");
        assertInvalid("* * * * 7", "end of range (7) above maximum (6): 7");
        assertInvalid("@fortnightly", "unrecognized descriptor: @fortnightly");
        assertInvalid("@every soon", "failed to parse duration @every soon: use a duration such as 90s, 5m or 1h30m");
    }

    private static void assertInvalid(String expression, String message) {
        assertThatThrownBy(() -> CronSchedule.parse(expression))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
