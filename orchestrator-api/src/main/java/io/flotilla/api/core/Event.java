package io.flotilla.api.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.api.meta.ObjectMeta;
import io.flotilla.api.meta.Resource;
import io.flotilla.api.meta.ResourceBuilder;
import io.flotilla.api.meta.ResourceType;
import java.time.Instant;
import java.util.List;

/**
 * A report of something that happened to an object ({@code core/v1} Event): a pod was scheduled, an image pull
 * failed, a probe failed. Controllers, the scheduler and node agents record them; {@code kubectl describe} shows them.
 *
 * <pre>{@code
 * Event e = Event.named("web-1.17a2b3c4d5e6f789").namespace("shop")
 *         .involvedObject(ObjectReference.to(pod)).warning().reason("BackOff")
 *         .message("Back-off restarting failed container web").source(EventSource.of("kubelet"))
 *         .build();
 * }</pre>
 *
 * <p>Events in the legacy style set {@code firstTimestamp}, {@code lastTimestamp} and {@code count}; new-style
 * events set {@code eventTime} and then also need {@code reportingComponent}, {@code reportingInstance},
 * {@code action} and {@code reason}. Immutable and thread-safe; every component but {@code metadata} and
 * {@code related} may be {@code null}.
 *
 * @param metadata           standard metadata
 * @param involvedObject     the object the event is about
 * @param reason             why, as a short CamelCase word such as {@code FailedScheduling}
 * @param message            what happened, for humans
 * @param source             the reporting component (legacy)
 * @param firstTimestamp     when the event first happened (legacy)
 * @param lastTimestamp      when it last happened (legacy)
 * @param count              how many times it happened (legacy)
 * @param eventType          {@link #NORMAL} or {@link #WARNING}, {@code type} in YAML (renamed because
 *                           {@code type()} is the resource kind, hence the one Jackson annotation)
 * @param eventTime          when it first happened, to the microsecond (new style)
 * @param series             how often it repeated (new style)
 * @param action             what was done or failed, such as {@code Binding}
 * @param related            a second object involved, such as the node a pod was bound to
 * @param reportingComponent the reporting controller, such as {@code flotilla.io/scheduler}
 * @param reportingInstance  the reporting instance, such as the node agent's node name
 */
public record Event(ObjectMeta metadata, ObjectReference involvedObject, String reason, String message,
                    EventSource source, Instant firstTimestamp, Instant lastTimestamp, Integer count,
                    @JsonProperty("type") String eventType, Instant eventTime, EventSeries series, String action,
                    ObjectReference related, String reportingComponent, String reportingInstance) implements Resource {

    /** The {@code v1/Event} kind. */
    public static final ResourceType<Event> TYPE =
            new ResourceType<>(Event.class, "v1", "Event", "events", true, EventValidation::validate);

    /** Something expected happened. */
    public static final String NORMAL = "Normal";
    /** Something went wrong or may go wrong. */
    public static final String WARNING = "Warning";
    /** Every event type. */
    public static final List<String> TYPES = List.of(NORMAL, WARNING);

    /** Normalises absent metadata. */
    public Event {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    }

    /** A builder for an event named {@code name} (by convention the object's name, a dot and a unique suffix). */
    public static Builder named(String name) {
        return new Builder(ObjectMeta.named(name));
    }

    /** A builder holding this event's values. */
    public Builder toBuilder() {
        return new Builder(metadata).from(this);
    }

    @Override
    public ResourceType<Event> type() {
        return TYPE;
    }

    @Override
    public Event withMetadata(ObjectMeta metadata) {
        return new Event(metadata, involvedObject, reason, message, source, firstTimestamp, lastTimestamp, count,
                eventType, eventTime, series, action, related, reportingComponent, reportingInstance);
    }

    /** Whether this is a {@link #WARNING}. */
    public boolean isWarning() {
        return WARNING.equals(eventType);
    }

    /** Fluent builder of {@link Event}. Not thread-safe. */
    public static final class Builder extends ResourceBuilder<Builder, Event> {
        private ObjectReference involvedObject;
        private String reason;
        private String message;
        private EventSource source;
        private Instant firstTimestamp;
        private Instant lastTimestamp;
        private Integer count;
        private String type;
        private Instant eventTime;
        private EventSeries series;
        private String action;
        private ObjectReference related;
        private String reportingComponent;
        private String reportingInstance;

        private Builder(ObjectMeta metadata) {
            super(metadata);
        }

        private Builder from(Event e) {
            involvedObject = e.involvedObject;
            reason = e.reason;
            message = e.message;
            source = e.source;
            firstTimestamp = e.firstTimestamp;
            lastTimestamp = e.lastTimestamp;
            count = e.count;
            type = e.eventType;
            eventTime = e.eventTime;
            series = e.series;
            action = e.action;
            related = e.related;
            reportingComponent = e.reportingComponent;
            reportingInstance = e.reportingInstance;
            return this;
        }

        /** Sets the object the event is about. */
        public Builder involvedObject(ObjectReference ref) {
            this.involvedObject = ref;
            return this;
        }

        /** Sets the object the event is about, referenced with {@link ObjectReference#to(Resource)}. */
        public Builder about(Resource object) {
            return involvedObject(ObjectReference.to(object));
        }

        /** Sets {@code reason}. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** Sets {@code message}. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Sets {@code source}. */
        public Builder source(EventSource source) {
            this.source = source;
            return this;
        }

        /** Sets {@code type}, one of {@link Event#TYPES}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Sets {@code type: Normal}. */
        public Builder normal() {
            return type(NORMAL);
        }

        /** Sets {@code type: Warning}. */
        public Builder warning() {
            return type(WARNING);
        }

        /** Sets the legacy {@code firstTimestamp}, {@code lastTimestamp} and {@code count}. */
        public Builder occurrences(Instant first, Instant last, Integer count) {
            this.firstTimestamp = first;
            this.lastTimestamp = last;
            this.count = count;
            return this;
        }

        /** Sets {@code eventTime} (new style). */
        public Builder eventTime(Instant eventTime) {
            this.eventTime = eventTime;
            return this;
        }

        /** Sets {@code series} (new style). */
        public Builder series(EventSeries series) {
            this.series = series;
            return this;
        }

        /** Sets {@code action}. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** Sets {@code related}. */
        public Builder related(ObjectReference related) {
            this.related = related;
            return this;
        }

        /** Sets {@code reportingComponent} and {@code reportingInstance}. */
        public Builder reporting(String component, String instance) {
            this.reportingComponent = component;
            this.reportingInstance = instance;
            return this;
        }

        @Override
        public Event build() {
            return new Event(metadata(), involvedObject, reason, message, source, firstTimestamp, lastTimestamp,
                    count, type, eventTime, series, action, related, reportingComponent, reportingInstance);
        }
    }
}
