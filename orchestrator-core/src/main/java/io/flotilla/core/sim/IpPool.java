package io.flotilla.core.sim;

import java.util.BitSet;
import java.util.Objects;

/**
 * Hands out pod IPs from one IPv4 CIDR, lowest free address first, skipping the network address, the first host
 * address (the "gateway") and the broadcast address. The addresses are fictitious: nothing ever dials them. Not
 * thread-safe: the runtime guards it with its lock.
 */
final class IpPool {
    private final String cidr;
    private final long base;
    private final int size;
    private final BitSet used = new BitSet();

    IpPool(String cidr) {
        this.cidr = Objects.requireNonNull(cidr, "cidr");
        String[] parts = cidr.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("prefix length must be between 8 and 30: " + cidr);
        }
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        this.base = parse(parts[0]) & mask;
        this.size = 1 << (32 - prefix);
    }

    /** The lowest free address. */
    String allocate() {
        int offset = used.nextClearBit(2);
        if (offset >= size - 1) {
            throw new IllegalStateException("no free pod IP left in " + cidr);
        }
        used.set(offset);
        return format(base + offset);
    }

    /** Returns {@code ip} to the pool; unknown addresses are ignored. */
    void release(String ip) {
        long offset = parse(ip) - base;
        if (offset >= 0 && offset < size) {
            used.clear((int) offset);
        }
    }

    private static long parse(String address) {
        String[] octets = address.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        long value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            value = (value << 8) | part;
        }
        return value;
    }

    private static String format(long value) {
        return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
