package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.model.Event;
import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeLabels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Docker container events onto {@link RuntimeEvent}s: for sandboxes {@code start}, {@code die} and
 * {@code destroy} become ready, stopped and deleted; for application containers {@code create}, {@code start},
 * {@code oom}, {@code die} (with its exit code) and {@code destroy}. Everything else (helpers, other containers,
 * other actions) maps to nothing. Stateless and thread-safe.
 */
public final class EventMapper {
    /** The Docker actions the runtime subscribes to. */
    public static final String[] ACTIONS = {"create", "start", "oom", "die", "destroy"};

    private EventMapper() {
    }

    /** The runtime event for {@code event}, if it is one. */
    public static Optional<RuntimeEvent> map(Event event) {
        if (event.getActor() == null || event.getActor().getAttributes() == null) {
            return Optional.empty();
        }
        Map<String, String> attributes = event.getActor().getAttributes();
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        String id = event.getActor().getId() != null ? event.getActor().getId() : event.getId();
        if (action == null || id == null) {
            return Optional.empty();
        }
        Instant time = time(event);
        Map<String, String> labels = Labels.fromEventAttributes(attributes);
        String kind = attributes.get(RuntimeLabels.KIND);
        if (RuntimeLabels.KIND_SANDBOX.equals(kind)) {
            RuntimeEvent.Type type = switch (action) {
                case "start" -> RuntimeEvent.Type.SANDBOX_READY;
                case "die" -> RuntimeEvent.Type.SANDBOX_STOPPED;
                case "destroy" -> RuntimeEvent.Type.SANDBOX_DELETED;
                default -> null;
            };
            return Optional.ofNullable(type).map(t -> new RuntimeEvent(t, id, null, time, 0, labels));
        }
        if (RuntimeLabels.KIND_CONTAINER.equals(kind)) {
            RuntimeEvent.Type type = switch (action) {
                case "create" -> RuntimeEvent.Type.CONTAINER_CREATED;
                case "start" -> RuntimeEvent.Type.CONTAINER_STARTED;
                case "oom" -> RuntimeEvent.Type.CONTAINER_OOM;
                case "die" -> RuntimeEvent.Type.CONTAINER_EXITED;
                case "destroy" -> RuntimeEvent.Type.CONTAINER_DELETED;
                default -> null;
            };
            int exitCode = type == RuntimeEvent.Type.CONTAINER_EXITED ? exitCode(attributes.get("exitCode")) : 0;
            return Optional.ofNullable(type).map(t -> new RuntimeEvent(t, attributes.get(RuntimeLabels.SANDBOX_ID),
                    id, time, exitCode, labels));
        }
        return Optional.empty();
    }

    /** The event's time, from its nanosecond stamp when present. */
    static Instant time(Event event) {
        if (event.getTimeNano() != null && event.getTimeNano() > 0) {
            return Instant.ofEpochSecond(0, event.getTimeNano());
        }
        return event.getTime() != null ? Instant.ofEpochSecond(event.getTime()) : Instant.EPOCH;
    }

    private static int exitCode(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
