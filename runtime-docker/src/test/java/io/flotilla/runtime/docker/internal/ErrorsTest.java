package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    private final Errors errors = new Errors("unix:///var/run/docker.sock");

    @Test
    void extractsTheDaemonsMessage() {
        assertThat(Errors.daemonMessage(new NotFoundException("Status 404: {\"message\":\"No such image: x:1\"}\n")))
                .isEqualTo("No such image: x:1");
        assertThat(Errors.mentionsMissingImage(new NotFoundException("{\"message\":\"No such image: x:1\"}")))
                .isTrue();
        assertThat(Errors.mentionsMissingNetwork(new NotFoundException("{\"message\":\"network flotilla-a not found\"}")))
                .isTrue();
    }

    @Test
    void mapsByKind() {
        assertThat(errors.translate(new NotFoundException("gone"), ObjectKind.CONTAINER, "c1"))
                .isInstanceOfSatisfying(ContainerRuntimeException.NotFound.class,
                        e -> assertThat(e.kind()).isEqualTo(ObjectKind.CONTAINER));
        assertThat(errors.translate(new ConflictException("{\"message\":\"is not running\"}"), ObjectKind.CONTAINER,
                "c1")).isInstanceOf(ContainerRuntimeException.InvalidState.class)
                .hasMessageContaining("is not running").hasMessageContaining("docker.sock");
        assertThat(errors.translate(new UncheckedIOException(new IOException("Connection refused")),
                ObjectKind.SANDBOX, "s1")).isInstanceOf(ContainerRuntimeException.Unavailable.class)
                .hasMessageContaining("does not answer");
    }
}
