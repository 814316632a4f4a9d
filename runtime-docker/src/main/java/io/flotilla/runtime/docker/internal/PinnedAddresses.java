package io.flotilla.runtime.docker.internal;

import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The IPv4 addresses of one pinned range (see {@link Labels#PINNED_RANGE}) handed out to inline sandboxes: each
 * keeps its address from its first container to its removal, across container restarts, as a pod's IP does. The
 * range's first and last addresses (network and broadcast of a range at the subnet's end) are never handed out.
 *
 * <p>Design notes: allocation walks on from where the last one ended (starting at a random place), so an address
 * just released is not reused at once, as Docker's own allocator does. Thread-safe.
 */
final class PinnedAddresses {
    private final int base;
    private final int size;
    private final BitSet taken;
    private int next;

    /**
     * The addresses of {@code range}.
     *
     * @throws IllegalArgumentException if its prefix is not 16 to 30
     */
    PinnedAddresses(Ipv4Cidr range) {
        if (range.prefix() < 16 || range.prefix() > 30) {
            throw new IllegalArgumentException("pinned range " + range + ": the prefix must be 16 to 30");
        }
        this.size = (int) range.size();
        this.base = range.base();
        this.taken = new BitSet(size);
        taken.set(0);
        taken.set(size - 1);
        this.next = 1 + ThreadLocalRandom.current().nextInt(size - 2);
    }

    /**
     * A free address, now taken.
     *
     * @throws IllegalStateException if every address is taken
     */
    synchronized String allocate() {
        int free = taken.nextClearBit(next);
        if (free >= size) {
            free = taken.nextClearBit(0);
        }
        if (free >= size) {
            throw new IllegalStateException("all " + (size - 2) + " pinned pod addresses are in use");
        }
        taken.set(free);
        next = free + 1;
        return Ipv4Cidr.address(base + free);
    }

    /** Marks {@code ip} taken (an address found in use); ignores addresses outside the range. */
    synchronized void reserve(String ip) {
        int offset = offset(ip);
        if (offset >= 0) {
            taken.set(offset);
        }
    }

    /** Gives {@code ip} back; ignores addresses outside the range and the range's ends. */
    synchronized void release(String ip) {
        int offset = offset(ip);
        if (offset > 0 && offset < size - 1) {
            taken.clear(offset);
        }
    }

    private int offset(String ip) {
        if (ip == null || ip.isEmpty()) {
            return -1;
        }
        int offset = Ipv4Cidr.address(ip) - base;
        return offset >= 0 && offset < size ? offset : -1;
    }
}
