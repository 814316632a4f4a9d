package io.flotilla.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {

    @Test
    void parsesEqualityInequalityAndEscapes() {
        FieldSelector s = FieldSelector.parse("spec.nodeName=,status.phase!=Running, metadata.name==a\\,b");

        assertThat(s.requirements()).containsExactly(
                new FieldSelector.Requirement("spec.nodeName", true, ""),
                new FieldSelector.Requirement("status.phase", false, "Running"),
                new FieldSelector.Requirement("metadata.name", true, "a,b"));
        assertThat(FieldSelector.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void matchesTreatingUnsetFieldsAsEmpty() {
        FieldSelector unscheduled = FieldSelector.parse("spec.nodeName=,status.phase!=Failed");
        Map<String, String> pending = Map.of("status.phase", "Pending");

        assertThat(unscheduled.matches(pending::get)).isTrue();
        assertThat(unscheduled.matches(Map.of("spec.nodeName", "n1")::get)).isFalse();
        assertThat(unscheduled.and(FieldSelector.equal("spec.nodeName", "n1")).matches(pending::get)).isFalse();
        assertThat(unscheduled.matches(Map.of("status.phase", "Failed")::get)).isFalse();
        assertThat(FieldSelector.parse("").isEverything()).isTrue();
    }

    @Test
    void rejectsTermsWithoutOperatorOrField() {
        assertThatThrownBy(() -> FieldSelector.parse("metadata.name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'metadata.name'");
        assertThatThrownBy(() -> FieldSelector.parse("=x")).hasMessageContaining("missing field");
    }
}
