package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class CriErrorsTest {
    private static final String ENDPOINT = "unix:///tmp/ctd/containerd.sock";
    private final CriErrors errors = new CriErrors(ENDPOINT);

    private static StatusRuntimeException error(Status.Code code, String message) {
        return Status.fromCode(code).withDescription(message).asRuntimeException();
    }

    @Test
    void notFoundNamesKindAndId() {
        ContainerRuntimeException e = errors.translate(error(Status.Code.NOT_FOUND,
                "an error occurred when try to find container \"abc\": not found"), ObjectKind.CONTAINER, "abc");

        assertThat(e).isInstanceOf(ContainerRuntimeException.NotFound.class)
                .hasMessageContaining("container abc not found").hasMessageContaining(ENDPOINT);
        assertThat(((ContainerRuntimeException.NotFound) e).kind()).isEqualTo(ObjectKind.CONTAINER);
    }

    @Test
    void aReservedNameIsAlreadyExists() {
        assertThat(errors.translate(error(Status.Code.UNKNOWN, "failed to reserve container name \"x\": name \"x\" "
                + "is reserved for \"abc\""), ObjectKind.CONTAINER, "x"))
                .isInstanceOf(ContainerRuntimeException.AlreadyExists.class);
    }

    @Test
    void wrongStatesAreInvalidState() {
        assertThat(errors.translate(error(Status.Code.UNKNOWN, "container is in CONTAINER_EXITED state"),
                ObjectKind.CONTAINER, "c")).isInstanceOf(ContainerRuntimeException.InvalidState.class)
                .hasMessageContaining("CONTAINER_EXITED");
        assertThat(errors.translate(error(Status.Code.FAILED_PRECONDITION, "sandbox not ready"),
                ObjectKind.SANDBOX, "s")).isInstanceOf(ContainerRuntimeException.InvalidState.class);
    }

    @Test
    void aSocketThatDoesNotAnswerIsUnavailableWithTheFix() {
        ContainerRuntimeException e = errors.translate(error(Status.Code.UNAVAILABLE, "io exception"),
                "the CRI Version call");

        assertThat(e).isInstanceOf(ContainerRuntimeException.Unavailable.class)
                .hasMessageContaining(ENDPOINT).hasMessageContaining("ensure_containerd");
    }

    @Test
    void aSocketWithoutTheCriSaysWhatToCheck() {
        ContainerRuntimeException e = errors.translate(error(Status.Code.UNIMPLEMENTED,
                "unknown service runtime.v1.RuntimeService"), "the CRI Version call");

        assertThat(e).isNotInstanceOf(ContainerRuntimeException.Unavailable.class)
                .hasMessageContaining("runtime.v1").hasMessageContaining("disabled_plugins")
                .hasMessageContaining(ENDPOINT);
    }

    @Test
    void otherFailuresKeepTheRuntimesWords() {
        assertThat(errors.translate(error(Status.Code.UNKNOWN, "failed to create shim task: boom"),
                ObjectKind.CONTAINER, "c")).hasMessageContaining("container c: failed to create shim task: boom");
    }

    @Test
    void execTimeoutsAreRecognised() {
        assertThat(CriContainers.isExecTimeout(error(Status.Code.UNKNOWN,
                "failed to exec in container: timeout 1s exceeded: context deadline exceeded"))).isTrue();
        assertThat(CriContainers.isExecTimeout(error(Status.Code.DEADLINE_EXCEEDED, ""))).isTrue();
        assertThat(CriContainers.isExecTimeout(error(Status.Code.UNKNOWN, "no such process"))).isFalse();
    }
}
