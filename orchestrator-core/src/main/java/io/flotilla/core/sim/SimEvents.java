package io.flotilla.core.sim;

import io.flotilla.api.runtime.RuntimeEvent;
import io.flotilla.api.runtime.RuntimeEventListener;
import io.flotilla.api.runtime.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event subscribers of one simulated node. Events are queued on the node's {@link SerialDelivery} while its
 * lock is held, so every subscriber sees them in the order the state changed. Thread-safe.
 */
final class SimEvents {
    private final List<Sub> subscribers = new CopyOnWriteArrayList<>();

    Subscription add(RuntimeEventListener listener) {
        Sub sub = new Sub(listener);
        subscribers.add(sub);
        return sub;
    }

    void publish(RuntimeEvent event, SerialDelivery delivery) {
        for (Sub sub : subscribers) {
            delivery.submit(() -> {
                if (!sub.closed) {
                    sub.listener.onEvent(event);
                }
            });
        }
    }

    void clear() {
        subscribers.forEach(Sub::close);
    }

    /** One subscriber. */
    private final class Sub implements Subscription {
        private final RuntimeEventListener listener;
        private volatile boolean closed;

        Sub(RuntimeEventListener listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            closed = true;
            subscribers.remove(this);
        }
    }
}
