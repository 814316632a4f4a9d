package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.RuntimeLabels;
import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo on real Docker: pages come from busybox httpd through the NodePort, the rolling update fails no request,
 * the killed container comes back, and nothing labelled with the demo's cluster id is left.
 */
@RequiresRuntime(Runtimes.DOCKER)
class DemoIT {

    @Test
    void demoRunsOnDockerAndLeavesNothingBehind() {
        String out = DemoTest.DemoOutput.of(true);
        assertThat(out)
                .contains("Runtime: Docker")
                .contains("<h1>Flotilla shop</h1><p>web v1</p>")
                .contains("\"schema\":\"v1\"", "\"passwordSet\":true")
                .contains("the page now: <h1>Flotilla shop</h1><p>web v2</p>")
                .contains("the Service still answers")
                .contains("nothing left")
                .doesNotContain("s3cr3t-never-printed");
        Matcher polled = Pattern.compile("(\\d+) requests, (\\d+) failed").matcher(out);
        assertThat(polled.find()).as("the rolling update's request summary").isTrue();
        assertThat(Integer.parseInt(polled.group(1))).isGreaterThan(10);
        assertThat(polled.group(2)).as("failed requests during the rolling update").isEqualTo("0");
        assertThat(TestDocker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(RuntimeLabels.cluster("demo")).exec()).isEmpty();
    }
}
