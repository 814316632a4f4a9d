package io.flotilla.api.meta;

import static io.flotilla.api.meta.LabelSelectorRequirement.doesNotExist;
import static io.flotilla.api.meta.LabelSelectorRequirement.exists;
import static io.flotilla.api.meta.LabelSelectorRequirement.in;
import static io.flotilla.api.meta.LabelSelectorRequirement.notIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.api.manifest.ManifestException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend", "env", "prod");

    static Stream<Arguments> selectorsAgainstWeb() {
        return Stream.of(
                Arguments.of(LabelSelector.everything(), true),
                Arguments.of(new LabelSelector(null, null), true),
                Arguments.of(LabelSelector.matchLabel("app", "web"), true),
                Arguments.of(LabelSelector.matchLabel("app", "db"), false),
                Arguments.of(LabelSelector.matchLabel("missing", "x"), false),
                Arguments.of(LabelSelector.of(Map.of("app", "web", "env", "prod")), true),
                Arguments.of(LabelSelector.of(Map.of("app", "web", "env", "dev")), false),
                Arguments.of(LabelSelector.everything().and(in("env", "prod", "staging")), true),
                Arguments.of(LabelSelector.everything().and(in("env", "dev", "staging")), false),
                Arguments.of(LabelSelector.everything().and(in("missing", "x")), false),
                Arguments.of(LabelSelector.everything().and(notIn("env", "dev")), true),
                Arguments.of(LabelSelector.everything().and(notIn("env", "dev", "prod")), false),
                Arguments.of(LabelSelector.everything().and(notIn("missing", "x")), true),
                Arguments.of(LabelSelector.everything().and(exists("tier")), true),
                Arguments.of(LabelSelector.everything().and(exists("missing")), false),
                Arguments.of(LabelSelector.everything().and(doesNotExist("missing")), true),
                Arguments.of(LabelSelector.everything().and(doesNotExist("tier")), false),
                Arguments.of(LabelSelector.matchLabel("app", "web").and(exists("tier")).and(notIn("env", "dev")), true),
                Arguments.of(LabelSelector.matchLabel("app", "web").and(exists("tier")).and(notIn("env", "prod")),
                        false),
                Arguments.of(LabelSelector.everything().and(in("env", "a", "b", "c", "d", "e", "f", "g", "h", "i",
                        "prod")), true),
                Arguments.of(LabelSelector.everything().and(in("env", "a", "b", "c", "d", "e", "f", "g", "h", "i",
                        "j")), false),
                Arguments.of(LabelSelector.everything().and(new LabelSelectorRequirement("env", "Gt", List.of("1"))),
                        false),
                Arguments.of(LabelSelector.everything().and(new LabelSelectorRequirement("env", null, null)), false),
                Arguments.of(LabelSelector.everything().and(new LabelSelectorRequirement(null, "Exists", null)),
                        false));
    }

    @ParameterizedTest(name = "\"{0}\" matches web: {1}")
    @MethodSource("selectorsAgainstWeb")
    void matchesLikeKubernetes(LabelSelector selector, boolean expected) {
        assertThat(selector.matches(WEB)).isEqualTo(expected);
        assertThat(selector.matches(new HashMap<>(WEB))).isEqualTo(expected);
    }

    @Test
    void noLabelsAreMatchedOnlyByRequirementsOfAbsence() {
        assertThat(LabelSelector.everything().matches(Map.of())).isTrue();
        assertThat(LabelSelector.everything().matches(null)).isTrue();
        assertThat(LabelSelector.everything().and(doesNotExist("a")).and(notIn("b", "x")).matches(null)).isTrue();
        assertThat(LabelSelector.matchLabel("a", "b").matches(null)).isFalse();
        assertThat(LabelSelector.everything().and(exists("a")).matches(Map.of())).isFalse();
    }

    @Test
    void anEmptyLabelValueIsAValueLikeAnyOther() {
        LabelSelector selector = LabelSelector.matchLabel("canary", "");

        assertThat(selector.matches(Map.of("canary", ""))).isTrue();
        assertThat(selector.matches(Map.of())).isFalse();
        assertThat(selector).hasToString("canary=");
        assertThat(LabelSelector.parse("canary=")).isEqualTo(selector);
    }

    @Test
    void andAddsALabelOrARequirementThatMustAlsoHold() {
        LabelSelector selector = LabelSelector.matchLabel("app", "web").and("tier", "db");

        assertThat(selector.matchLabels()).containsExactly(Map.entry("app", "web"), Map.entry("tier", "db"));
        assertThat(selector.and("app", "web")).isSameAs(selector);
        LabelSelector contradiction = selector.and("app", "api");
        assertThat(contradiction.matchLabels()).containsEntry("app", "web");
        assertThat(contradiction.matchExpressions()).containsExactly(in("app", "api"));
        assertThat(contradiction.matches(Map.of("app", "web", "tier", "db"))).isFalse();
        assertThat(contradiction.matches(Map.of("app", "api", "tier", "db"))).isFalse();
    }

    @Test
    void isEmptyOnlyWithoutRequirements() {
        assertThat(LabelSelector.everything().isEmpty()).isTrue();
        assertThat(LabelSelector.of(Map.of()).isEmpty()).isTrue();
        assertThat(LabelSelector.matchLabel("a", "b").isEmpty()).isFalse();
        assertThat(LabelSelector.everything().and(exists("a")).isEmpty()).isFalse();
    }

    @Test
    void requirementOrderAndValueOrderDoNotMatter() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("z", "1");
        reversed.put("a", "2");
        LabelSelector one = new LabelSelector(reversed, List.of(exists("y"), in("b", "3", "1", "2")));
        LabelSelector other = new LabelSelector(Map.of("a", "2", "z", "1"), List.of(in("b", "1", "2", "3"),
                exists("y")));

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other).hasToString(other.toString());
        assertThat(one.matchLabels().keySet()).containsExactly("a", "z");
        assertThat(one.matchExpressions()).as("kept as given, so error paths point at what the user wrote")
                .extracting(LabelSelectorRequirement::key).containsExactly("y", "b");
        assertThat(one.matchExpressions().get(1).values()).containsExactly("3", "1", "2");
    }

    @Test
    void valuesCompareAsASetAndRequirementsAsAMultiset() {
        assertThat(in("a", "x", "x", "y")).isEqualTo(in("a", "y", "x")).hasSameHashCodeAs(in("a", "y", "x"))
                .hasToString("a in (x,y)");
        assertThat(in("a", "x")).isNotEqualTo(in("a", "x", "y")).isNotEqualTo(notIn("a", "x"))
                .isNotEqualTo(in("b", "x"));
        LabelSelector twice = new LabelSelector(null, List.of(exists("a"), exists("a")));
        assertThat(twice).isNotEqualTo(new LabelSelector(null, List.of(exists("a"))));
        assertThat(new LabelSelector(null, List.of(in("a", "x"), exists("a"))))
                .isEqualTo(new LabelSelector(null, List.of(exists("a"), in("a", "x"))))
                .isNotEqualTo(new LabelSelector(null, List.of(exists("a"), in("a", "y"))))
                .isNotEqualTo(new LabelSelector(Map.of("a", "x"), List.of(exists("a"))));
    }

    @Test
    void theCollectionsAreUnmodifiableCopies() {
        Map<String, String> labels = new HashMap<>(Map.of("a", "b"));
        List<String> values = new java.util.ArrayList<>(List.of("x"));
        LabelSelector selector = new LabelSelector(labels, List.of(new LabelSelectorRequirement("k", "In", values)));
        labels.put("c", "d");
        values.add("y");

        assertThat(selector.matchLabels()).containsExactly(Map.entry("a", "b"));
        assertThat(selector.matchExpressions().get(0).values()).containsExactly("x");
        assertThatThrownBy(() -> selector.matchLabels().put("e", "f"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> selector.matchExpressions().add(exists("e")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> selector.matchExpressions().get(0).values().add("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(selector.matchLabels()).isEqualTo(Map.of("a", "b")).hasSameHashCodeAs(Map.of("a", "b"));
    }

    @Test
    void printsKubernetesSyntaxSortedByKey() {
        LabelSelector selector = new LabelSelector(Map.of("tier", "web", "app", "shop"), List.of(
                notIn("tier", "db"), in("env", "prod", "a"), exists("release"), doesNotExist("canary"),
                notIn("zone", "b", "a")));

        assertThat(selector).hasToString(
                "app=shop,!canary,env in (a,prod),release,tier=web,tier notin (db),zone notin (a,b)");
        assertThat(LabelSelector.everything()).hasToString("");
        assertThat(in("env", "b", "a")).hasToString("env in (a,b)");
        assertThat(new LabelSelectorRequirement("n", "Gt", List.of("1"))).hasToString("n Gt (1)");
    }

    static Stream<LabelSelector> validSelectors() {
        return Stream.of(
                LabelSelector.everything(),
                LabelSelector.matchLabel("app", "web"),
                LabelSelector.matchLabel("example.com/app", "web-1.2_x"),
                LabelSelector.matchLabel("a", ""),
                LabelSelector.matchLabel("app", "web").and("app", "api"),
                LabelSelector.everything().and(notIn("tier", "db")),
                LabelSelector.everything().and(in("env", "a", "b")).and(notIn("env", "c")),
                LabelSelector.everything().and(in("env", "", "x")),
                LabelSelector.everything().and(in("in", "in", "notin")).and(exists("release")),
                LabelSelector.everything().and(doesNotExist("canary")).and(exists("canary")),
                new LabelSelector(Map.of("z", "1", "b", "2", "m", "3"),
                        List.of(exists("y"), doesNotExist("a"), in("m", "3", "4"), exists("m"))));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("validSelectors")
    void parsingThePrintedFormGivesAnEqualSelector(LabelSelector selector) {
        assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
    }

    @Test
    void manifestsRoundTripSelectorsInAnyOrder() {
        Gadget g = Gadget.read("""
                  selector:
                    matchLabels: {tier: web, app: shop}
                    matchExpressions:
                    - {key: zone, operator: NotIn, values: [b, a]}
                    - {key: env, operator: In, values: [prod]}
                    - {key: canary, operator: DoesNotExist}
                """);

        LabelSelector selector = g.spec().selector();
        assertThat(selector).isEqualTo(new LabelSelector(Map.of("app", "shop", "tier", "web"),
                List.of(doesNotExist("canary"), in("env", "prod"), notIn("zone", "a", "b"))));
        assertThat(selector).hasToString("app=shop,!canary,env in (prod),tier=web,zone notin (a,b)");
        assertThat(Gadget.CODEC.readOne(Gadget.CODEC.toYaml(g), Gadget.class)).isEqualTo(g);
        assertThat(Gadget.CODEC.readOne(Gadget.CODEC.toJson(g), Gadget.class)).isEqualTo(g);
        assertThat(Gadget.CODEC.toYaml(g)).doesNotContain("empty");
    }

    @Test
    void manifestsReportInvalidSelectorsWithTheirPaths() {
        assertThatThrownBy(() -> Gadget.read("""
                  selector:
                    matchLabels: {"bad key!": web}
                    matchExpressions:
                    - {key: env, operator: Equals, values: [prod]}
                    - {key: tier, operator: In}
                    - {operator: Exists, values: [x]}
                """)).isInstanceOfSatisfying(ManifestException.class, e -> assertThat(e.paths()).containsExactly(
                "spec.selector.matchLabels",
                "spec.selector.matchExpressions[0].operator",
                "spec.selector.matchExpressions[1].values",
                "spec.selector.matchExpressions[2].values",
                "spec.selector.matchExpressions[2].key"));
    }

    @Test
    void aPlainObjectMapperWritesOnlyTheKubernetesFields() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LabelSelector selector = LabelSelector.matchLabel("app", "web").and(exists("release")).and(in("env", "b", "a"));

        String written = json.writeValueAsString(selector);

        assertThat(written).isEqualTo("{\"matchLabels\":{\"app\":\"web\"},\"matchExpressions\":["
                + "{\"key\":\"release\",\"operator\":\"Exists\",\"values\":[]},"
                + "{\"key\":\"env\",\"operator\":\"In\",\"values\":[\"b\",\"a\"]}]}");
        assertThat(json.readValue(written, LabelSelector.class)).isEqualTo(selector);
        assertThat(json.readValue("{\"key\":\"a\",\"operator\":\"Exists\"}", LabelSelectorRequirement.class))
                .isEqualTo(exists("a"));
    }

    @Test
    void requirementFactoriesUseKubernetesOperatorNames() {
        assertThat(in("k", "v")).isEqualTo(new LabelSelectorRequirement("k", "In", List.of("v")));
        assertThat(notIn("k", "v")).isEqualTo(new LabelSelectorRequirement("k", "NotIn", List.of("v")));
        assertThat(exists("k")).isEqualTo(new LabelSelectorRequirement("k", "Exists", null));
        assertThat(doesNotExist("k")).isEqualTo(new LabelSelectorRequirement("k", "DoesNotExist", List.of()));
        assertThat(LabelSelectorRequirement.OPERATORS).containsExactly("In", "NotIn", "Exists", "DoesNotExist");
        assertThat(Arrays.asList(in("k").values().toArray())).isEmpty();
    }
}
