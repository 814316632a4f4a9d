package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import org.junit.jupiter.api.Test;

/** The demo on real Docker: the page is served by busybox httpd, and nothing is left behind. */
@RequiresRuntime(Runtimes.DOCKER)
class DemoIT {

    @Test
    void demoRunsOnDockerAndLeavesNothingBehind() throws Exception {
        String out = DemoTest.DemoOutput.of(true);
        assertThat(out)
                .contains("Runtime: Docker")
                .contains("<h1>Flotilla shop</h1>")
                .contains("every pod was replaced")
                .doesNotContain("s3cr3t-never-printed");
        assertThat(TestDocker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("io.flotilla.cluster", "demo")).exec()).isEmpty();
    }
}
