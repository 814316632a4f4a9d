package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PinnedAddressesTest {

    @Test
    void rangesParseNormaliseOverlapAndHalve() {
        Ipv4Cidr subnet = Ipv4Cidr.parse("172.20.3.7/16");
        assertThat(subnet).hasToString("172.20.0.0/16");
        assertThat(subnet.size()).isEqualTo(65_536);
        assertThat(PodSubnets.dockerRange(subnet)).hasToString("172.20.0.0/17");
        assertThat(PodSubnets.pinnedRange(subnet)).hasToString("172.20.128.0/17");
        assertThat(subnet.overlaps(Ipv4Cidr.parse("172.20.200.0/24"))).isTrue();
        assertThat(Ipv4Cidr.parse("172.0.0.0/8").overlaps(subnet)).isTrue();
        assertThat(subnet.overlaps(Ipv4Cidr.parse("172.21.0.0/16"))).isFalse();
        assertThatThrownBy(() -> Ipv4Cidr.parse("172.20.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("172.20.0.0");
        assertThatThrownBy(() -> Ipv4Cidr.parse("fd00::/64")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Cidr.parse("example.com/16")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsOutEveryAddressOfTheRangeOnceButItsEnds() {
        PinnedAddresses addresses = new PinnedAddresses(Ipv4Cidr.parse("10.1.2.0/29"));
        Set<String> handedOut = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            handedOut.add(addresses.allocate());
        }
        assertThat(handedOut).containsExactlyInAnyOrder("10.1.2.1", "10.1.2.2", "10.1.2.3", "10.1.2.4", "10.1.2.5",
                "10.1.2.6");
        assertThatThrownBy(addresses::allocate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all 6 pinned pod addresses are in use");
        addresses.release("10.1.2.4");
        assertThat(addresses.allocate()).isEqualTo("10.1.2.4");
    }

    @Test
    void skipsReservedAddressesAndDoesNotReuseAReleasedOneAtOnce() {
        PinnedAddresses addresses = new PinnedAddresses(Ipv4Cidr.parse("10.1.2.0/29"));
        addresses.reserve("10.1.2.3");
        addresses.reserve("192.168.1.1"); // outside: ignored
        String first = addresses.allocate();
        addresses.release(first);
        String second = addresses.allocate();
        assertThat(second).isNotEqualTo(first).isNotEqualTo("10.1.2.3");
    }

    @Test
    void choosesTheFirstDockerPoolNoNetworkOrInterfaceUses() {
        List<Ipv4Cidr> taken = List.of(Ipv4Cidr.parse("172.17.0.0/16"), Ipv4Cidr.parse("172.18.5.0/24"),
                Ipv4Cidr.parse("172.19.0.1/16"));
        assertThat(PodSubnets.choose(taken, List.of())).hasValue(Ipv4Cidr.parse("172.20.0.0/16"));
        assertThat(PodSubnets.choose(taken, List.of(Ipv4Cidr.parse("172.20.0.0/16"))))
                .hasValue(Ipv4Cidr.parse("172.21.0.0/16"));
        assertThat(PodSubnets.choose(List.of(Ipv4Cidr.parse("172.16.0.0/12")), List.of()))
                .hasValue(Ipv4Cidr.parse("192.168.0.0/20"));
        assertThat(PodSubnets.choose(List.of(Ipv4Cidr.parse("0.0.0.0/0")), List.of())).isEmpty();
    }
}
