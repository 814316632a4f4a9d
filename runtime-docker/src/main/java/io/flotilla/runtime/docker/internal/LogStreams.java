package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.flotilla.api.runtime.ContainerRuntimeException;
import io.flotilla.api.runtime.ContainerRuntimeException.ObjectKind;
import io.flotilla.api.runtime.LogLine;
import io.flotilla.api.runtime.LogListener;
import io.flotilla.api.runtime.LogOptions;
import io.flotilla.api.runtime.Subscription;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Container logs over Docker's log endpoint, demultiplexed into stdout and stderr lines. {@link #open} returns once
 * the daemon has answered, so a missing container fails the call itself; the lines then arrive on docker-java's
 * stream thread, in order, ending with exactly one {@code onEnd} or {@code onError} unless the subscription is
 * closed first. Thread-safe.
 */
public final class LogStreams {
    private final DockerClient docker;
    private final Errors errors;
    private final Duration answerTimeout;

    /** Log streams on the engine behind {@code docker}; the daemon must answer within {@code answerTimeout}. */
    public LogStreams(DockerClient docker, Errors errors, Duration answerTimeout) {
        this.docker = docker;
        this.errors = errors;
        this.answerTimeout = answerTimeout;
    }

    /** Starts delivering the logs of {@code containerId}; see {@code ContainerRuntime#logs}. */
    public Subscription open(String containerId, LogOptions options, LogListener listener) {
        LogContainerCmd cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withTimestamps(options.timestamps()).withFollowStream(options.follow());
        if (options.tailLines() != null) {
            cmd.withTail(options.tailLines());
        }
        if (options.since() != null && options.since().getEpochSecond() > 0) {
            cmd.withSince((int) Math.min(Integer.MAX_VALUE, options.since().getEpochSecond()));
        }
        Delivery delivery = new Delivery(containerId, listener, new LineSplitter(options.timestamps()));
        cmd.exec(delivery);
        try {
            delivery.answered.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            delivery.close();
            throw e.getCause() instanceof RuntimeException re ? errors.translate(re, ObjectKind.CONTAINER, containerId)
                    : new ContainerRuntimeException(errors.endpoint(), "logs of container " + containerId,
                    e.getCause());
        } catch (TimeoutException e) {
            delivery.close();
            throw new ContainerRuntimeException.Unavailable(errors.endpoint(),
                    "the logs of container " + containerId + " did not answer within " + answerTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.close();
            throw new ContainerRuntimeException(errors.endpoint(), "interrupted opening logs of " + containerId, e);
        }
        return delivery;
    }

    /** One delivery: docker-java's callback in front of the caller's listener. */
    private final class Delivery extends ResultCallback.Adapter<Frame> implements Subscription {
        private final String containerId;
        private final LogListener listener;
        private final LineSplitter splitter;
        private final CompletableFuture<Void> answered = new CompletableFuture<>();
        private final AtomicBoolean finished = new AtomicBoolean();

        Delivery(String containerId, LogListener listener, LineSplitter splitter) {
            this.containerId = containerId;
            this.listener = listener;
            this.splitter = splitter;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            answered.complete(null);
        }

        @Override
        public void onNext(Frame frame) {
            LogLine.Stream stream = frame.getStreamType() == StreamType.STDERR ? LogLine.Stream.STDERR
                    : LogLine.Stream.STDOUT;
            if (frame.getStreamType() == StreamType.STDIN || finished.get()) {
                return;
            }
            splitter.accept(stream, frame.getPayload()).forEach(listener::onLine);
        }

        @Override
        public void onComplete() {
            if (finished.compareAndSet(false, true)) {
                splitter.flush().forEach(listener::onLine);
                listener.onEnd();
            }
            super.onComplete();
        }

        @Override
        public void onError(Throwable error) {
            if (!answered.isDone()) {
                answered.completeExceptionally(error);
                finished.set(true);
            } else if (finished.compareAndSet(false, true)) {
                listener.onError(error instanceof RuntimeException re
                        ? errors.translate(re, ObjectKind.CONTAINER, containerId)
                        : new ContainerRuntimeException(errors.endpoint(), "logs of container " + containerId,
                        error));
            }
            close();
        }

        @Override
        public void close() {
            finished.set(true);
            try {
                super.close();
            } catch (java.io.IOException ignored) {
                // closing a finished stream; nothing to report
            }
        }
    }
}
