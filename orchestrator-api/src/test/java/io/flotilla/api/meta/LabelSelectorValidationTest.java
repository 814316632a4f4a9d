package io.flotilla.api.meta;

import static io.flotilla.api.meta.LabelSelectorRequirement.doesNotExist;
import static io.flotilla.api.meta.LabelSelectorRequirement.exists;
import static io.flotilla.api.meta.LabelSelectorRequirement.in;
import static io.flotilla.api.meta.LabelSelectorRequirement.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorValidationTest {
    private static final FieldPath SELECTOR = FieldPath.of("spec.selector");

    private static List<String> errors(LabelSelector selector) {
        ValidationErrors errors = new ValidationErrors();
        boolean valid = LabelSelectorValidation.validate(selector, SELECTOR, errors);
        assertThat(valid).as("the result agrees with the errors: %s", errors.list()).isEqualTo(errors.isEmpty());
        return errors.list().stream().map(FieldError::toString).toList();
    }

    private static LabelSelector sel(LabelSelectorRequirement... requirements) {
        return new LabelSelector(null, List.of(requirements));
    }

    @Test
    void acceptsValidSelectors() {
        assertThat(errors(null)).isEmpty();
        assertThat(errors(LabelSelector.everything())).isEmpty();
        assertThat(errors(new LabelSelector(Map.of("app", "web", "example.com/tier", ""), List.of(
                in("env", "prod", "staging"), notIn("zone", "a"), exists("release"), doesNotExist("canary")))))
                .isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(sel(new LabelSelectorRequirement("env", "Equals", List.of("a"))), List.of(
                        "spec.selector.matchExpressions[0].operator: Unsupported value: \"Equals\": supported values: "
                                + "\"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"")),
                Arguments.of(sel(new LabelSelectorRequirement("env", "in", List.of("a"))), List.of(
                        "spec.selector.matchExpressions[0].operator: Unsupported value: \"in\": supported values: "
                                + "\"In\", \"NotIn\", \"Exists\", \"DoesNotExist\"")),
                Arguments.of(sel(new LabelSelectorRequirement("env", null, null)), List.of(
                        "spec.selector.matchExpressions[0].operator: Required value")),
                Arguments.of(sel(exists("a"), in("env")), List.of(
                        "spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` "
                                + "is 'In' or 'NotIn'")),
                Arguments.of(sel(notIn("env")), List.of(
                        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` "
                                + "is 'In' or 'NotIn'")),
                Arguments.of(sel(new LabelSelectorRequirement("env", "Exists", List.of("x"))), List.of(
                        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` "
                                + "is 'Exists' or 'DoesNotExist'")),
                Arguments.of(sel(new LabelSelectorRequirement("env", "DoesNotExist", List.of("x"))), List.of(
                        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` "
                                + "is 'Exists' or 'DoesNotExist'")),
                Arguments.of(sel(new LabelSelectorRequirement(null, "Exists", null)), List.of(
                        "spec.selector.matchExpressions[0].key: Required value")),
                Arguments.of(sel(exists("-bad")), List.of(
                        "spec.selector.matchExpressions[0].key: Invalid value: \"-bad\": name part must consist of "
                                + "alphanumeric characters, '-', '_' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')")),
                Arguments.of(sel(in("env", "ok", "-bad", "x".repeat(64))), List.of(
                        "spec.selector.matchExpressions[0].values[1]: Invalid value: \"-bad\": a valid label must be "
                                + "an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
                                + "start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or "
                                + "'12345')",
                        "spec.selector.matchExpressions[0].values[2]: Invalid value: \"" + "x".repeat(64)
                                + "\": must be no more than 63 characters")),
                Arguments.of(LabelSelector.of(Map.of("bad key", "web", "app", "bad value")), List.of(
                        "spec.selector.matchLabels[app]: Invalid value: \"bad value\": a valid label must be an empty "
                                + "string or consist of alphanumeric characters, '-', '_' or '.', and must start and "
                                + "end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')",
                        "spec.selector.matchLabels: Invalid value: \"bad key\": name part must consist of "
                                + "alphanumeric characters, '-', '_' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void reportsEveryProblemWithKubernetesPathsAndWording(LabelSelector selector, List<String> expected) {
        assertThat(errors(selector)).containsExactlyElementsOf(expected);
    }

    @Test
    void reportsEveryProblemOfOneRequirementAtOnce() {
        assertThat(errors(sel(new LabelSelectorRequirement("Bad/", "Exists", List.of("-x")))))
                .extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("spec.selector.matchExpressions[0].values", "spec.selector.matchExpressions[0].key",
                        "spec.selector.matchExpressions[0].values[0]");
    }

    @Test
    void aNullLabelValueIsReported() {
        Map<String, String> labels = new HashMap<>();
        labels.put("app", null);

        assertThat(errors(LabelSelector.of(labels))).containsExactly(
                "spec.selector.matchLabels[app]: Invalid value: a label value must be a string (use \"\" for an "
                        + "empty value)");
    }

    @Test
    void requirementsCanBeValidatedAlone() {
        ValidationErrors errors = new ValidationErrors();

        assertThat(LabelSelectorValidation.requirement(in("a", "b"), FieldPath.of("x"), errors)).isTrue();
        assertThat(LabelSelectorValidation.requirement(in("a"), FieldPath.of("x"), errors)).isFalse();
        assertThat(errors.list()).extracting(e -> e.path().toString()).containsExactly("x.values");
    }
}
