package io.flotilla.junit;

import io.flotilla.api.core.Event;
import io.flotilla.core.Cluster;
import java.util.List;

/**
 * Assertions on the events of a namespace; see {@link EventualAssert} for {@code eventually} and failure messages.
 * Not thread-safe.
 */
public final class EventsAssert extends EventualAssert<EventsAssert> {

    EventsAssert(Cluster cluster, String namespace) {
        super(cluster, namespace);
    }

    @Override
    protected String subject() {
        return "the events of namespace " + namespace;
    }

    /** Checks that an event with reason {@code reason} (such as {@code Killing}) was recorded. */
    public EventsAssert contains(String reason) {
        return check("to contain an event with reason " + reason, () -> events().stream()
                .anyMatch(e -> reason.equals(e.reason())) ? null : "there is none");
    }

    /** Checks that an event with {@code reason} about the object named {@code objectName} was recorded. */
    public EventsAssert contains(String reason, String objectName) {
        return check("to contain an event with reason " + reason + " about " + objectName, () -> events().stream()
                .anyMatch(e -> reason.equals(e.reason()) && e.involvedObject() != null
                        && objectName.equals(e.involvedObject().name())) ? null : "there is none");
    }

    /** Checks that no Warning event was recorded. */
    public EventsAssert hasNoWarnings() {
        return check("to have no warnings", () -> {
            List<String> warnings = events().stream().filter(Event::isWarning)
                    .map(e -> e.reason() + ": " + e.message()).toList();
            return warnings.isEmpty() ? null : "found " + warnings;
        });
    }

    private List<Event> events() {
        return cluster.client().events().inNamespace(namespace).list();
    }
}
