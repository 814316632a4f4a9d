package io.flotilla.runtime.docker.internal;

import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the subnet of a cluster network this runtime creates, so that part of it can hold pinned pod addresses
 * (Docker hands out a chosen address, {@code --ip}, only on networks whose subnet the user gave). The candidates are
 * Docker's own default pools in Docker's order (172.17–31.0.0/16, then 192.168.0.0/16 in /20s); taken are the
 * subnets of the engine's networks and of this host's interfaces. Docker's half of the subnet is its IP range
 * (dynamic addresses: sandboxes of pods with several containers); the other half is the pinned range. Stateless
 * and thread-safe.
 */
final class PodSubnets {
    private PodSubnets() {
    }

    /** The candidate subnets, in order. */
    static List<Ipv4Cidr> candidates() {
        List<Ipv4Cidr> out = new ArrayList<>();
        for (int second = 17; second <= 31; second++) {
            out.add(Ipv4Cidr.parse("172." + second + ".0.0/16"));
        }
        for (int third = 0; third < 256; third += 16) {
            out.add(Ipv4Cidr.parse("192.168." + third + ".0/20"));
        }
        return out;
    }

    /** The first candidate overlapping none of {@code taken} and not in {@code tried}, if any. */
    static Optional<Ipv4Cidr> choose(Collection<Ipv4Cidr> taken, Collection<Ipv4Cidr> tried) {
        return candidates().stream().filter(c -> !tried.contains(c))
                .filter(c -> taken.stream().noneMatch(c::overlaps)).findFirst();
    }

    /** The IPv4 subnets of this host's interfaces (empty if they cannot be read). */
    static List<Ipv4Cidr> hostSubnets() {
        List<Ipv4Cidr> out = new ArrayList<>();
        try {
            var interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                for (InterfaceAddress a : interfaces.nextElement().getInterfaceAddresses()) {
                    if (a.getAddress() instanceof Inet4Address v4 && a.getNetworkPrefixLength() > 0) {
                        out.add(new Ipv4Cidr(Ipv4Cidr.address(v4.getHostAddress()), a.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: only the engine's networks count
        }
        return out;
    }

    /** Docker's IP range within {@code subnet}: its lower half. */
    static Ipv4Cidr dockerRange(Ipv4Cidr subnet) {
        return subnet.half(false);
    }

    /** The pinned range within {@code subnet}: its upper half. */
    static Ipv4Cidr pinnedRange(Ipv4Cidr subnet) {
        return subnet.half(true);
    }
}
