package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import io.flotilla.testkit.TestDocker;
import io.flotilla.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** The README's cluster example on real Docker: the Service answers on the host through the proxy. */
@RequiresRuntime(Runtimes.DOCKER)
class ReadmeClusterExampleIT {

    @Test
    void readmeClusterExampleServesThePage() throws Exception {
        TestImages.ensureBuilt(TestDocker.client());
        assertThat(ReadmeClusterExample.run()).contains("<h1>hello</h1>");
    }
}
