package io.flotilla.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the pipeline: the test images build locally and a container of them runs and prints. */
@RequiresRuntime(Runtimes.DOCKER)
class TestImagesIT {
    private static final DockerClient DOCKER = TestDocker.client();

    @BeforeAll
    static void buildImages() {
        TestImages.ensureBuilt(DOCKER);
    }

    @Test
    void busyboxContainerRunsAndPrints() throws Exception {
        String id = DOCKER.createContainerCmd(TestImages.BUSYBOX)
                .withCmd("sh", "-c", "echo hello from $(busybox | head -1 | cut -d' ' -f1)")
                .withLabels(Map.of("io.flotilla.cluster", "testkit-it"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        try {
            DOCKER.startContainerCmd(id).exec();
            int exit = DOCKER.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
            StringBuilder out = new StringBuilder();
            DOCKER.logContainerCmd(id).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.append(new String(frame.getPayload()));
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
            assertThat(exit).isZero();
            assertThat(out.toString()).isEqualTo("hello from BusyBox\n");
        } finally {
            DOCKER.removeContainerCmd(id).withForce(true).exec();
        }
    }

    @Test
    void pauseImageSleepsForever() {
        assertThat(DOCKER.inspectImageCmd(TestImages.PAUSE).exec().getConfig().getCmd())
                .containsExactly("/bin/busybox", "sleep", "2147483647");
    }

    @Test
    void buildingAgainIsANoOp() {
        String before = DOCKER.inspectImageCmd(TestImages.BUSYBOX).exec().getId();
        TestImages.ensureBuilt(DOCKER);
        assertThat(DOCKER.inspectImageCmd(TestImages.BUSYBOX).exec().getId()).isEqualTo(before);
    }
}
