package io.flotilla.runtime.containerd.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.runtime.containerd.cri.Cri;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/*
 * Design notes: containerd's CRI plugin reports the CNI configuration it loaded in the verbose Status info
 * ("cniconfig": the networks, each plugin with its JSON "Source"). The pod network is the one on eth0; its bridge
 * plugin, when isGateway is set, puts the gateway on the bridge: the ipam range's "gateway", or (host-local's
 * default) the first address of the subnet. Anything else (no bridge plugin, no gateway, an IPv6 range) gives none.
 */
/** The host's address on containerd's CNI bridge, read from the CRI Status call. Thread-safe. */
public final class CniGateway {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POD_INTERFACE = "eth0";

    private final CriConnection cri;
    private volatile String found;

    /** The gateway of the CNI network of the containerd behind {@code cri}. */
    public CniGateway(CriConnection cri) {
        this.cri = cri;
    }

    /** The gateway address, asked once and then remembered; empty if the CNI configuration has none. */
    public Optional<String> address() {
        String known = found;
        if (known != null) {
            return Optional.of(known);
        }
        Cri.StatusResponse status;
        try {
            status = cri.runtime().status(Cri.StatusRequest.newBuilder().setVerbose(true).build());
        } catch (StatusRuntimeException e) {
            throw cri.errors().translate(e, "the CRI Status call");
        }
        Optional<String> gateway = fromCniConfig(status.getInfoMap().get("cniconfig"));
        gateway.ifPresent(g -> found = g);
        return gateway;
    }

    /** The gateway in containerd's {@code cniconfig} status info, if it names one. */
    static Optional<String> fromCniConfig(String cniConfig) {
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
                    if ("bridge".equals(source.path("type").asText()) && source.path("isGateway").asBoolean()) {
                        return gatewayOf(source.path("ipam"));
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
