package io.flotilla.api.scheduler;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Typed scratch data for one scheduling cycle of one pod, like Kubernetes' {@code framework.CycleState}: a plugin
 * computes something once in PreFilter or PreScore, {@linkplain #write writes} it under its {@link Key}, and reads
 * it back for every node in Filter or Score. Keys are typed and each owns an array slot, so {@link #read} is an
 * array access — no hashing, no allocation.
 *
 * <p>Not thread-safe for writes: write only from PreFilter, PreScore, Reserve and the like (one thread at a time).
 * Concurrent {@link #read}s during Filter and Score are safe once the writes happened-before the calls, which the
 * framework guarantees. {@link #copy()} gives preemption an independent state to simulate on.
 */
public final class CycleState {

    private static final AtomicInteger NEXT_INDEX = new AtomicInteger();

    private Object[] slots;

    /** An empty state. */
    public CycleState() {
        slots = new Object[Math.max(8, NEXT_INDEX.get())];
    }

    private CycleState(Object[] slots) {
        this.slots = slots;
    }

    /**
     * A typed key owning one slot. Create keys once, in a {@code static final} field; every key takes a slot in
     * every state created afterwards.
     *
     * @param <T> the type of the value stored under the key
     */
    public static final class Key<T> {
        private final String name;
        private final int index;

        private Key(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.index = NEXT_INDEX.getAndIncrement();
        }

        /**
         * A new key; two calls give two different keys even with the same name.
         *
         * @param name a descriptive name, usually the plugin name plus a suffix; not null
         */
        public static <T> Key<T> of(String name) {
            return new Key<>(name);
        }

        /** The descriptive name. */
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "Key[" + name + "]";
        }
    }

    /**
     * A value that must be copied when the state is {@linkplain #copy() copied} because a simulation may change it.
     * Immutable values need not implement this; they are shared.
     *
     * @param <T> the value's own type
     */
    public interface Copyable<T> {
        /** An independent copy of this value. */
        T copy();
    }

    /**
     * The value stored under {@code key}, or null if none was written in this cycle.
     *
     * @param key the key; not null
     */
    @SuppressWarnings("unchecked")
    public <T> T read(Key<T> key) {
        Object[] s = slots;
        return key.index < s.length ? (T) s[key.index] : null;
    }

    /**
     * Stores {@code value} under {@code key}, replacing what was there.
     *
     * @param key   the key; not null
     * @param value the value; null removes it
     */
    public <T> void write(Key<T> key, T value) {
        if (key.index >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(key.index + 1, slots.length * 2));
        }
        slots[key.index] = value;
    }

    /** Removes the value under {@code key}, if any. */
    public void delete(Key<?> key) {
        if (key.index < slots.length) {
            slots[key.index] = null;
        }
    }

    /** An independent copy: {@link Copyable} values are copied, others are shared. */
    public CycleState copy() {
        Object[] copy = slots.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof Copyable<?> c) {
                copy[i] = c.copy();
            }
        }
        return new CycleState(copy);
    }
}
