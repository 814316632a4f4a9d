package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.command.InspectImageCmdImpl;
import io.flotilla.api.runtime.ImageSpec;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private static final ImageSpec BUSYBOX = ImageSpec.of("flotilla-test/busybox:1");

    private final AtomicInteger inspections = new AtomicInteger();
    private final AtomicBoolean onEngine = new AtomicBoolean(true);
    private final AtomicLong nanos = new AtomicLong();
    private final Images images = new Images(docker(), new Errors("unix:///test.sock"), nanos::get);

    /** A client whose only working call is the image inspection, answering from {@link #onEngine}. */
    private DockerClient docker() {
        return (DockerClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DockerClient.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("inspectImageCmd")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return new InspectImageCmdImpl(cmd -> {
                        inspections.incrementAndGet();
                        if (!onEngine.get()) {
                            throw new NotFoundException("No such image: " + cmd.getImageId());
                        }
                        return new InspectImageResponse().withId("sha256:abc");
                    }, (String) args[0]);
                });
    }

    @Test
    void aBurstOfStatusCallsInspectsAPresentImageOnce() {
        for (int i = 0; i < 30; i++) {
            assertThat(images.status(BUSYBOX)).isPresent();
            nanos.addAndGet(10_000_000);
        }
        assertThat(inspections).hasValue(1);
    }

    @Test
    void aPresentImageIsAskedForAgainAfterTheMemoryExpires() {
        images.status(BUSYBOX);
        onEngine.set(false);
        nanos.addAndGet(Images.PRESENT_FOR.toNanos());

        assertThat(images.status(BUSYBOX)).isEmpty();
        assertThat(inspections).hasValue(2);
    }

    @Test
    void aMissingImageIsNeverRemembered() {
        onEngine.set(false);
        assertThat(images.status(BUSYBOX)).isEmpty();
        onEngine.set(true);

        assertThat(images.status(BUSYBOX)).isPresent();
        assertThat(inspections).hasValue(2);
    }

    @Test
    void forgetMakesTheNextStatusAskTheDaemon() {
        images.status(BUSYBOX);
        onEngine.set(false);
        images.forget(BUSYBOX.image());

        assertThat(images.status(BUSYBOX)).isEmpty();
    }
}
