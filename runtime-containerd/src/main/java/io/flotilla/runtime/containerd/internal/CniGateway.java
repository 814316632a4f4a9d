package io.flotilla.runtime.containerd.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.runtime.containerd.cri.Cri;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/*
 * Design notes: containerd's CRI plugin reports the CNI configuration it loaded in the verbose Status info
 * ("cniconfig": the networks, each plugin with its JSON "Source"). The pod network is the one on eth0; its bridge
 * plugin, when isGateway is set, puts the gateway on the bridge: the ipam range's "gateway", or (host-local's
 * default) the first address of the subnet. Anything else (no bridge plugin, no gateway, an IPv6 range) gives none.
 * The same plugin's ipam subnets tell whether the pod network is IPv4 only. Both are asked once a gateway is found,
 * then remembered.
 */
/**
 * The host's address on containerd's CNI bridge, and whether that network is IPv4 only, read from the CRI Status
 * call. Thread-safe.
 */
public final class CniGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POD_INTERFACE = "eth0";

    private final CriConnection cri;
    private volatile PodNetwork found;

    /** What the CNI configuration says about the pod network. */
    private record PodNetwork(Optional<String> gateway, boolean ipv4Only) {
    }

    /** The gateway of the CNI network of the containerd behind {@code cri}. */
    public CniGateway(CriConnection cri) {
        this.cri = cri;
    }

    /** The gateway address, asked once and then remembered; empty if the CNI configuration has none. */
    public Optional<String> address() {
        return network().gateway();
    }

    /**
     * Whether the pod network's bridge gives pods IPv4 addresses only (every ipam subnet is an IPv4 one); false
     * when there is no such bridge or no subnet.
     */
    public boolean ipv4Only() {
        return network().ipv4Only();
    }

    private PodNetwork network() {
        PodNetwork known = found;
        if (known != null) {
            return known;
        }
        Cri.StatusResponse status;
        try {
            status = cri.runtime().status(Cri.StatusRequest.newBuilder().setVerbose(true).build());
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, "the CRI Status call");
        }
        String cniConfig = status.getInfoMap().get("cniconfig");
        PodNetwork network = new PodNetwork(fromCniConfig(cniConfig), ipv4Only(cniConfig));
        if (network.gateway().isPresent()) {
            found = network;
        }
        return network;
    }

    /** The gateway in containerd's {@code cniconfig} status info, if it names one. */
    static Optional<String> fromCniConfig(String cniConfig) {
        return podBridge(cniConfig).filter(b -> b.path("isGateway").asBoolean())
                .flatMap(b -> gatewayOf(b.path("ipam")));
    }

    /** Whether the pod network's bridge in containerd's {@code cniconfig} status info has only IPv4 subnets. */
    static boolean ipv4Only(String cniConfig) {
        return podBridge(cniConfig).map(bridge -> {
            JsonNode ipam = bridge.path("ipam");
            List<String> subnets = new ArrayList<>();
            ipam.path("ranges").forEach(set -> set.forEach(range -> subnets.add(range.path("subnet").asText(""))));
            subnets.add(ipam.path("subnet").asText(""));
            List<String> named = subnets.stream().filter(s -> !s.isEmpty()).toList();
            return !named.isEmpty() && named.stream().noneMatch(s -> s.contains(":"));
        }).orElse(false);
    }

    /** The source JSON of the bridge plugin of the network on the pod interface, if there is one. */
    private static Optional<JsonNode> podBridge(String cniConfig) {
        if (cniConfig == null || cniConfig.isBlank()) {
            return Optional.empty();
        }
        try {
            for (JsonNode network : JSON.readTree(cniConfig).path("Networks")) {
                if (!POD_INTERFACE.equals(network.path("IFName").asText())) {
                    continue;
                }
                for (JsonNode plugin : network.path("Config").path("Plugins")) {
                    JsonNode source = JSON.readTree(plugin.path("Source").asText("{}"));
                    if ("bridge".equals(source.path("type").asText())) {
                        return Optional.of(source);
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> gatewayOf(JsonNode ipam) {
        JsonNode range = ipam.path("ranges").path(0).path(0);
        JsonNode at = range.isMissingNode() ? ipam : range;
        String gateway = at.path("gateway").asText("");
        if (!gateway.isEmpty()) {
            return Optional.of(gateway);
        }
        return firstAddress(at.path("subnet").asText(""));
    }

    /** The first host address of an IPv4 subnet such as {@code 10.88.0.0/16}: {@code 10.88.0.1}. */
    static Optional<String> firstAddress(String subnet) {
        int slash = subnet.indexOf('/');
        if (slash < 0 || subnet.contains(":")) {
            return Optional.empty();
        }
        try {
            int prefix = Integer.parseInt(subnet.substring(slash + 1));
            byte[] bytes = InetAddress.getByName(subnet.substring(0, slash)).getAddress();
            int ip = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
            int network = prefix == 0 ? 0 : ip & (-1 << (32 - prefix));
            int first = network + 1;
            return Optional.of(((first >>> 24) & 0xff) + "." + ((first >>> 16) & 0xff) + "." + ((first >>> 8) & 0xff)
                    + "." + (first & 0xff));
        } catch (NumberFormatException | UnknownHostException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
