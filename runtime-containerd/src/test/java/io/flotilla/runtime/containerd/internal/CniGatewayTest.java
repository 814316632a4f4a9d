package io.flotilla.runtime.containerd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CniGatewayTest {
    /** The shape of containerd 1.6's verbose Status "cniconfig", with the plugin JSON as its "Source" string. */
    private static String cniConfig(String bridgeSource) {
        String escaped = bridgeSource.replace("\"", "\\\"");
        return """
                {"PluginDirs":["/usr/lib/cni"],"Prefix":"eth","Networks":[
                 {"Config":{"Name":"cni-loopback","Plugins":[{"Network":{"type":"loopback"},
                   "Source":"{\\"type\\":\\"loopback\\"}"}]},"IFName":"lo"},
                 {"Config":{"Name":"flotilla","Plugins":[{"Network":{"type":"bridge"},"Source":"%s"},
                   {"Network":{"type":"portmap"},"Source":"{\\"type\\":\\"portmap\\"}"}]},"IFName":"eth0"}]}
                """.formatted(escaped);
    }

    @Test
    void theFirstAddressOfTheRangeIsTheDefaultGateway() {
        String bridge = "{\"type\":\"bridge\",\"bridge\":\"flotilla-ctd0\",\"isGateway\":true,"
                + "\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"10.88.47.0/24\"}]]}}";
        assertThat(CniGateway.fromCniConfig(cniConfig(bridge))).contains("10.88.47.1");
    }

    @Test
    void anExplicitGatewayWinsAndTheOldSubnetFormWorks() {
        String ranges = "{\"type\":\"bridge\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\","
                + "\"ranges\":[[{\"subnet\":\"10.1.0.0/16\",\"gateway\":\"10.1.0.254\"}]]}}";
        String old = "{\"type\":\"bridge\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\","
                + "\"subnet\":\"172.19.0.0/16\"}}";
        assertThat(CniGateway.fromCniConfig(cniConfig(ranges))).contains("10.1.0.254");
        assertThat(CniGateway.fromCniConfig(cniConfig(old))).contains("172.19.0.1");
    }

    @Test
    void noGatewayWithoutABridgeThatIsOne() {
        String notGateway = "{\"type\":\"bridge\",\"ipam\":{\"ranges\":[[{\"subnet\":\"10.2.0.0/24\"}]]}}";
        assertThat(CniGateway.fromCniConfig(cniConfig(notGateway))).isEmpty();
        assertThat(CniGateway.fromCniConfig("")).isEmpty();
        assertThat(CniGateway.fromCniConfig("not json")).isEmpty();
        assertThat(CniGateway.firstAddress("fd00::/64")).isEmpty();
    }

    @Test
    void aBridgeWithOnlyIpv4SubnetsIsIpv4Only() {
        String v4 = "{\"type\":\"bridge\",\"ipam\":{\"ranges\":[[{\"subnet\":\"10.2.0.0/24\"}],"
                + "[{\"subnet\":\"10.3.0.0/24\"}]]}}";
        String old = "{\"type\":\"bridge\",\"ipam\":{\"subnet\":\"172.19.0.0/16\"}}";
        assertThat(CniGateway.ipv4Only(cniConfig(v4))).isTrue();
        assertThat(CniGateway.ipv4Only(cniConfig(old))).isTrue();
    }

    @Test
    void dualStackOrUnknownNetworksAreNotIpv4Only() {
        String dual = "{\"type\":\"bridge\",\"ipam\":{\"ranges\":[[{\"subnet\":\"10.2.0.0/24\"}],"
                + "[{\"subnet\":\"fd00:10::/64\"}]]}}";
        String noSubnet = "{\"type\":\"bridge\",\"ipam\":{\"type\":\"dhcp\"}}";
        assertThat(CniGateway.ipv4Only(cniConfig(dual))).isFalse();
        assertThat(CniGateway.ipv4Only(cniConfig(noSubnet))).isFalse();
        assertThat(CniGateway.ipv4Only("")).isFalse();
        assertThat(CniGateway.ipv4Only(null)).isFalse();
    }
}
