package io.flotilla.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that needs real container runtimes. When one does not answer, the tests are
 * skipped — unless the environment variable {@code FLOTILLA_REQUIRE_RUNTIMES} (comma-separated, e.g.
 * {@code docker,containerd}, or {@code all}) names it, in which case they fail with a message saying what is
 * missing and how to start it. CI sets the variable, so a missing runtime can never pass silently.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RuntimeRequirementExtension.class)
public @interface RequiresRuntime {

    /** The runtimes needed, by name: {@code docker}, {@code containerd}. */
    String[] value();
}
