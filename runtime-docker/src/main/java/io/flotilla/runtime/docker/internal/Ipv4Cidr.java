package io.flotilla.runtime.docker.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * An IPv4 range in CIDR notation, as Docker networks and their IP ranges are written ({@code 172.20.0.0/16}).
 * Immutable.
 *
 * @param base   the first address, as a 32-bit number
 * @param prefix the prefix length, 0 to 32
 */
record Ipv4Cidr(int base, int prefix) {

    /** Normalises the base to the range's first address. */
    Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length " + prefix + " is not 0 to 32");
        }
        base &= mask(prefix);
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @throws IllegalArgumentException if {@code cidr} is not an IPv4 range
     */
    static Ipv4Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an IPv4 CIDR range: " + cidr);
        }
        try {
            return new Ipv4Cidr(address(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IPv4 CIDR range: " + cidr, e);
        }
    }

    /**
     * The 32-bit number of IPv4 literal {@code ip}.
     *
     * @throws IllegalArgumentException if {@code ip} is not an IPv4 literal
     */
    static int address(String ip) {
        if (ip.isEmpty() || !Character.isDigit(ip.charAt(0)) || ip.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        try {
            // a literal starting with a digit is parsed, never looked up
            if (!(InetAddress.getByName(ip) instanceof Inet4Address v4)) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            return ByteBuffer.wrap(v4.getAddress()).getInt();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip, e);
        }
    }

    /** The dotted form of 32-bit address {@code ip}. */
    static String address(int ip) {
        try {
            return InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(ip).array()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** How many addresses the range has. */
    long size() {
        return 1L << (32 - prefix);
    }

    /** Whether the two ranges share an address. */
    boolean overlaps(Ipv4Cidr other) {
        int shorter = mask(Math.min(prefix, other.prefix));
        return (base & shorter) == (other.base & shorter);
    }

    /** The first or second half of the range. */
    Ipv4Cidr half(boolean upper) {
        if (prefix == 32) {
            throw new IllegalStateException(this + " has no halves");
        }
        return new Ipv4Cidr(upper ? base + (int) (size() / 2) : base, prefix + 1);
    }

    @Override
    public String toString() {
        return address(base) + "/" + prefix;
    }
}
