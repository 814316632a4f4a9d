package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event: builder and YAML agree ({@code type} included), legacy and new-style rules. */
class EventTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static List<String> errors(Event event) {
        ValidationErrors errors = new ValidationErrors();
        Event.TYPE.validator().validate(event, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        Pod pod = Pod.named("web-0").namespace("shop").container("app", c -> c.image("nginx:1.27")).build();
        Event built = Event.named("web-0.17c8e0b8d5a3f1e2").namespace("shop").about(pod).warning()
                .reason("BackOff").message("Back-off restarting failed container app")
                .source(new EventSource("kubelet", "edge-1")).occurrences(T0, T0.plusSeconds(60), 4).build();
        Event loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Event
                metadata: {name: web-0.17c8e0b8d5a3f1e2, namespace: shop}
                involvedObject: {kind: Pod, namespace: shop, name: web-0, apiVersion: v1}
                reason: BackOff
                message: Back-off restarting failed container app
                source: {component: kubelet, host: edge-1}
                firstTimestamp: "2024-05-01T10:00:00Z"
                lastTimestamp: "2024-05-01T10:01:00Z"
                count: 4
                type: Warning
                """, Event.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.isWarning()).isTrue();
        assertThat(Manifests.strict().toYaml(built)).contains("type: Warning").doesNotContain("eventType");
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void newStyleEventsNameTheirReporter() {
        Event event = Event.named("e").namespace("shop").involvedObject(ObjectReference.of("Pod", "shop", "p"))
                .normal().eventTime(Instant.parse("2024-05-01T10:00:00.123456Z")).build();

        assertThat(errors(event)).containsExactly("reportingComponent: Required value",
                "reportingInstance: Required value", "action: Required value", "reason: Required value");
        assertThat(errors(event.toBuilder().reporting("kubelet", "edge-1").action("Pulling").reason("Pulling")
                .build())).isEmpty();
    }

    @Test
    void involvedObjectIsRequiredAndInTheEventsNamespace() {
        assertThat(errors(Event.named("e").namespace("shop").build()))
                .containsExactly("involvedObject: Required value");
        assertThat(errors(Event.named("e").namespace("shop").involvedObject(ObjectReference.of("Pod", "web", "p"))
                .type("Error").build())).containsExactly(
                "involvedObject.namespace: Invalid value: \"web\": does not match event.namespace",
                "type: Unsupported value: \"Error\": supported values: \"Normal\", \"Warning\"");
        assertThat(errors(Event.named("e").namespace("shop").involvedObject(ObjectReference.of("Node", null, "n"))
                .build())).isEmpty();
    }
}
