package io.flotilla.examples;

import io.flotilla.testkit.RequiresRuntime;
import io.flotilla.testkit.Runtimes;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * {@link ServiceDiscoverySuite} on the containerd named by {@code FLOTILLA_CONTAINERD_SOCKET}, through its CRI: the
 * sandbox's {@code resolv.conf} names the CNI bridge's address, where the cluster DNS listens on port 53.
 *
 * <p>Every cluster on that containerd shares the one CNI bridge, so only one cluster at a time can serve DNS there
 * (see {@code ClusterDns}); each test closes its cluster, and before starting one a test waits, bounded, until no
 * other cluster (of another test run on this machine) holds the port.
 */
@RequiresRuntime(Runtimes.CONTAINERD)
class ServiceDiscoveryOnContainerdIT extends ServiceDiscoverySuite {
    private static final Duration PORT_WAIT = Duration.ofSeconds(180);

    @Override
    TestRuntime runtime() {
        return TestRuntime.CONTAINERD;
    }

    @Override
    String podNameserver(String gateway) {
        return gateway;
    }

    @Override
    void beforeClusterStart(RuntimeClusterFixture fixture) {
        String gateway = fixture.runtime().podNetworkGateway(fixture.id())
                .orElseThrow(() -> new AssertionError("containerd's CNI network has no gateway"));
        RuntimeClusterFixture.await(gateway + ":53 free for this cluster's DNS (another cluster on this containerd "
                + "holds it)", PORT_WAIT, () -> canBind(gateway), free -> free);
    }

    /** Whether UDP port 53 of {@code gateway} can be bound now (if the bridge is not up yet, nobody holds it). */
    private static boolean canBind(String gateway) {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(gateway, 53));
            return true;
        } catch (BindException e) {
            return !e.getMessage().contains("in use");
        } catch (IOException e) {
            throw new AssertionError("cannot probe " + gateway + ":53", e);
        }
    }
}
