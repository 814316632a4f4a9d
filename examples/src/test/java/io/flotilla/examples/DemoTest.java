package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo runs to the end on simulated nodes, shows each step it promises, and never prints the secret. */
class DemoTest {

    @Test
    void demoRunsOnTheSimulatedRuntime() {
        String out = DemoOutput.of(false);
        assertThat(out)
                .contains("Runtime: simulated")
                .contains("all Ready in")
                .contains("Job/migrate", "Deployment/api", "StatefulSet/db")
                .containsPattern("web\\s+5/5")
                .contains("Rolling update of web to v2")
                .contains("the node agent restarted it in place")
                .contains("nothing left")
                .doesNotContain("s3cr3t-never-printed");
        assertThat(out.indexOf("1. Starting")).isLessThan(out.indexOf("3. Scaling"));
    }

    /** Captures what the demo prints. */
    static final class DemoOutput {
        private DemoOutput() {
        }

        static String of(boolean docker) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            try {
                new Demo(out, docker).run();
            } finally {
                System.out.print(bytes.toString(StandardCharsets.UTF_8));
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
