package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo runs to the end on the simulated runtime, shows what it promises, and never prints the secret. */
class DemoTest {

    @Test
    void demoRunsOnTheSimulatedRuntime() throws Exception {
        String out = DemoOutput.of(false);
        assertThat(out)
                .contains("Runtime: simulated")
                .contains("Deployment  shop/web")
                .contains("the ReplicaSet replaced it")
                .contains("every pod was replaced")
                .contains("spec.replicas: Invalid value: -1")
                .contains("greeting-loud: HELLO, FLOTILLA")
                .contains("garbage collector removed greeting-loud")
                .doesNotContain("s3cr3t-never-printed");
    }

    /** Captures what the demo prints. */
    static final class DemoOutput {
        private DemoOutput() {
        }

        static String of(boolean docker) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), docker).run();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
