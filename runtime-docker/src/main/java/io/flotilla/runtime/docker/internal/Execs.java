package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.ExecResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code execSync}: create an exec, stream its demultiplexed output until it ends or the timeout passes, then read
 * its exit code. A timed-out command keeps running in the container (Docker cannot kill an exec); its output so far
 * is returned. Thread-safe.
 */
public final class Execs {
    private static final int EXIT_CODE_POLLS = 50;

    private final DockerClient docker;
    private final Errors errors;

    /** Execs on the engine behind {@code docker}. */
    public Execs(DockerClient docker, Errors errors) {
        this.docker = docker;
        this.errors = errors;
    }

    /** Runs {@code command} in {@code containerId}; see {@code ContainerRuntime#execSync}. */
    public ExecResult run(String containerId, List<String> command, Duration timeout) {
        String execId;
        try {
            execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
        } catch (ConflictException e) {
            throw new ContainerRuntimeException.InvalidState(errors.endpoint(),
                    "container " + containerId + " is not running: " + Errors.daemonMessage(e));
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
        Output output = new Output();
        try {
            docker.execStartCmd(execId).exec(output);
            if (!output.awaitCompletion(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                output.close();
                return ExecResult.timeout(output.stdout(), output.stderr());
            }
            return ExecResult.of(exitCode(execId, containerId), output.stdout(), output.stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException(errors.endpoint(), "interrupted while running a command in container "
                    + containerId, e);
        } catch (java.io.IOException e) {
            throw new ContainerRuntimeException(errors.endpoint(), "exec in container " + containerId, e);
        } catch (RuntimeException e) {
            throw errors.translate(e, ObjectKind.CONTAINER, containerId);
        }
    }

    /** The exit code; Docker may report the exec as running for a moment after its output ended. */
    private int exitCode(String execId, String containerId) throws InterruptedException {
        for (int i = 0; i < EXIT_CODE_POLLS; i++) {
            InspectExecResponse inspect = docker.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
                return inspect.getExitCodeLong().intValue();
            }
            Thread.sleep(10);
        }
        throw new ContainerRuntimeException(errors.endpoint(), "the exit code of a command in container "
                + containerId + " did not become known");
    }

    /** Collects stdout and stderr. */
    private static final class Output extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame frame) {
            ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? err : out;
            synchronized (this) {
                target.writeBytes(frame.getPayload());
            }
        }

        synchronized String stdout() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
