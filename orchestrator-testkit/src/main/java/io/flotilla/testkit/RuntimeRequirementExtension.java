package io.flotilla.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link RequiresRuntime}: enables the test when every named runtime answers; disables it when one is
 * missing and not required; and when a missing runtime is named by {@code FLOTILLA_REQUIRE_RUNTIMES}, enables it
 * but fails it before it runs, so the build goes red instead of skipping. Stateless and thread-safe.
 */
public final class RuntimeRequirementExtension implements ExecutionCondition,
        org.junit.jupiter.api.extension.BeforeAllCallback, org.junit.jupiter.api.extension.BeforeEachCallback {

    /** The environment variable naming the runtimes that must be present. */
    public static final String REQUIRE_VARIABLE = "FLOTILLA_REQUIRE_RUNTIMES";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = missing(context);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("runtimes answer");
        }
        if (missing.stream().anyMatch(RuntimeRequirementExtension::required)) {
            return ConditionEvaluationResult.enabled("required runtime missing: the test will fail");
        }
        return ConditionEvaluationResult.disabled("runtime not available: " + describe(missing)
                + " (set " + REQUIRE_VARIABLE + " to fail instead of skipping)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failIfRequiredMissing(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failIfRequiredMissing(context);
    }

    private static void failIfRequiredMissing(ExtensionContext context) {
        List<String> missing = missing(context).stream().filter(RuntimeRequirementExtension::required).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError(REQUIRE_VARIABLE + "=" + System.getenv(REQUIRE_VARIABLE)
                    + " requires a runtime that does not answer: " + describe(missing));
        }
    }

    private static List<String> missing(ExtensionContext context) {
        List<String> needed = new ArrayList<>();
        context.getElement().ifPresent(e -> needed.addAll(needed(e)));
        context.getTestClass().ifPresent(c -> needed.addAll(needed(c)));
        return needed.stream().distinct().filter(r -> !Runtimes.answers(r)).toList();
    }

    private static List<String> needed(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, RequiresRuntime.class)
                .map(a -> Arrays.stream(a.value()).map(v -> v.toLowerCase(Locale.ROOT)).toList())
                .orElse(List.of());
    }

    /** Whether {@value #REQUIRE_VARIABLE} names {@code runtime} (or {@code all}). */
    static boolean required(String runtime) {
        String value = System.getenv(REQUIRE_VARIABLE);
        if (value == null || value.isBlank()) {
            return false;
        }
        Set<String> names = Arrays.stream(value.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return names.contains("all") || names.contains(runtime);
    }

    private static String describe(List<String> runtimes) {
        return runtimes.stream().map(Runtimes::describeMissing).collect(Collectors.joining("; "));
    }
}
