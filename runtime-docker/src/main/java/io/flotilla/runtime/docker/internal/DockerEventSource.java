package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.flotilla.api.runtime.RuntimeLabels;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Docker's event endpoint, filtered to container events of objects carrying {@link RuntimeLabels#KIND} (everything
 * a Flotilla runtime creates) and the actions {@link EventMapper} maps. Thread-safe.
 */
public final class DockerEventSource implements EventSource {
    private final DockerClient docker;
    private final Duration answerTimeout;

    /** Events of the engine behind {@code docker}, which must answer within {@code answerTimeout}. */
    public DockerEventSource(DockerClient docker, Duration answerTimeout) {
        this.docker = docker;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Closeable open(String since, Sink sink) {
        EventsCmd cmd = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(RuntimeLabels.KIND).withEventFilter(EventMapper.ACTIONS);
        if (since != null) {
            cmd.withSince(since);
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        AtomicBoolean ended = new AtomicBoolean();
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onStart(Closeable stream) {
                super.onStart(stream);
                answered.complete(null);
            }

            @Override
            public void onNext(Event event) {
                sink.onEvent(event);
            }

            @Override
            public void onError(Throwable error) {
                answered.completeExceptionally(error);
                if (ended.compareAndSet(false, true)) {
                    sink.onEnd(error);
                }
                closeQuietly(this);
            }

            @Override
            public void onComplete() {
                if (ended.compareAndSet(false, true)) {
                    sink.onEnd(null);
                }
                super.onComplete();
            }
        };
        cmd.exec(callback);
        try {
            answered.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            closeQuietly(callback);
            throw new IllegalStateException("the Docker event stream did not answer within " + answerTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw new IllegalStateException("interrupted while opening the Docker event stream", e);
        }
        return () -> {
            ended.set(true);
            closeQuietly(callback);
        };
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (java.io.IOException ignored) {
            // closing a stream that is going away anyway
        }
    }
}
