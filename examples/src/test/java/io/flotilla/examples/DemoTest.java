package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo runs to the end and shows what it promises, without ever printing the secret. */
class DemoTest {

    @Test
    void demoRunsAndNeverPrintsTheSecret() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("Deployment   shop       web")
                .contains("spec.replicas: Invalid value: -1")
                .contains("greeting-loud: HELLO, FLOTILLA")
                .contains("garbage collector removed greeting-loud")
                .doesNotContain("s3cr3t-never-printed");
    }
}
