package io.flotilla.api.batch;

import io.flotilla.api.internal.Immutables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The observed state of a {@link Job}. Immutable; values are {@code null} when not yet observed, the conditions
 * list is never {@code null}.
 *
 * @param conditions       current conditions; a finished Job has {@code Complete} or {@code Failed}
 * @param startTime        when the Job controller started the Job
 * @param completionTime   when the Job completed successfully
 * @param active           pods pending or running
 * @param succeeded        pods that succeeded
 * @param failed           pods that failed
 * @param completedIndexes for an Indexed Job, the completed indexes, such as {@code 1,3-5}
 * @param ready            active pods that are ready
 */
public record JobStatus(List<JobCondition> conditions, Instant startTime, Instant completionTime, Integer active,
                        Integer succeeded, Integer failed, String completedIndexes, Integer ready) {

    /** Normalises the conditions. */
    public JobStatus {
        conditions = Immutables.list(conditions);
    }

    /** The condition of this type, if present. */
    public Optional<JobCondition> condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /** Whether the Job has finished: a {@code Complete} or {@code Failed} condition is true. */
    public boolean isFinished() {
        return conditions.stream().anyMatch(c -> c.isTrue()
                && (JobCondition.COMPLETE.equals(c.type()) || JobCondition.FAILED.equals(c.type())));
    }
}
