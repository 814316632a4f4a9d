package io.flotilla.runtime.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.flotilla.api.runtime.RuntimeLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-defined bridge networks pods live on: one per cluster (never Docker's default bridge), labelled with the
 * cluster id, created on first use and removed when its last sandbox goes (and on {@link #removeUnused()}), so
 * finished tests do not exhaust Docker's address pools.
 *
 * <p>Design notes: creating a sandbox holds the network's read lock from "ensure it exists" to "sandbox started";
 * removing the network holds its write lock, so within one runtime a network is never removed under a starting
 * sandbox. Another runtime on the same engine may still remove it; {@link #withNetwork} then recreates it and tries
 * once more. Removal of a network still in use is refused by Docker and ignored here — unless no container uses it:
 * dockerd 20.10 can keep a stale endpoint count after a container left (seen under heavy load), and then the
 * network can only be freed by restarting the daemon; that is logged as a warning naming the network, because
 * nothing else would ever say so. Thread-safe.
 */
public final class Networks {
    private static final Logger LOG = LoggerFactory.getLogger(Networks.class);

    private final DockerClient docker;
    private final Errors errors;
    private final Map<String, ReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** Gateways of networks in {@link #known}, dropped with them: a recreated network may get another subnet. */
    private final Map<String, String> gateways = new ConcurrentHashMap<>();
    /** Pinned ranges of networks in {@link #known} (empty: none, pods there get Docker's addresses only). */
    private final Map<String, Optional<Ipv4Cidr>> pinnedRanges = new ConcurrentHashMap<>();
    /** One gateway inspection per network at a time: a burst of new pods would otherwise make one each. */
    private final Map<String, Object> gatewayLocks = new ConcurrentHashMap<>();
    private final boolean pinSubnets;

    /**
     * Networks on the engine behind {@code docker}.
     *
     * @param pinSubnets whether networks this runtime creates get a subnet of its choosing with a pinned range
     *                   ({@link PodSubnets}); only for an engine on this host, whose interfaces it can see
     */
    public Networks(DockerClient docker, Errors errors, boolean pinSubnets) {
        this.docker = docker;
        this.errors = errors;
        this.pinSubnets = pinSubnets;
    }

    /**
     * Runs {@code action} while network {@code name} (of cluster {@code clusterId}) exists and cannot be removed by
     * this runtime; if the action fails because the network vanished, recreates it and runs the action once more.
     */
    public <T> T withNetwork(String name, String clusterId, Supplier<T> action) {
        for (int attempt = 0; ; attempt++) {
            ReadWriteLock lock = locks.computeIfAbsent(name, n -> new ReentrantReadWriteLock());
            lock.readLock().lock();
            try {
                ensure(name, clusterId);
                return action.get();
            } catch (NotFoundException e) {
                if (attempt > 0 || !Errors.mentionsMissingNetwork(e)) {
                    throw e;
                }
                forget(name);
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    // Serialised: Docker's CheckDuplicate is best-effort, and two concurrent creates made two networks of one name
    // (regression: "network flotilla-demo is ambiguous" when a Deployment's first two pods started together).
    private synchronized void ensure(String name, String clusterId) {
        if (known.contains(name)) {
            return;
        }
        Map<String, String> labels = clusterId == null
                ? Map.of(RuntimeLabels.KIND, Labels.KIND_NETWORK)
                : Map.of(RuntimeLabels.KIND, Labels.KIND_NETWORK, RuntimeLabels.CLUSTER, clusterId);
        try {
            Optional<Ipv4Cidr> pinned = pinSubnets ? createWithSubnet(name, labels) : Optional.empty();
            if (pinned.isEmpty()) {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(labels).exec();
            }
            pinnedRanges.put(name, pinned);
            LOG.debug("created network {} (pinned range: {})", name, pinned.map(Ipv4Cidr::toString).orElse("none"));
        } catch (ConflictException e) {
            LOG.trace("network {} exists", name);
        } catch (RuntimeException e) {
            throw errors.translate(e, "creating network " + name);
        }
        known.add(name);
    }

    /**
     * Creates network {@code name} on a subnet no other network or host interface uses (see {@link PodSubnets});
     * empty if every candidate was refused, and the caller creates it with a subnet Docker chooses.
     *
     * @throws ConflictException if the network exists
     */
    private Optional<Ipv4Cidr> createWithSubnet(String name, Map<String, String> labels) {
        List<Ipv4Cidr> taken = new ArrayList<>(PodSubnets.hostSubnets());
        for (Network n : docker.listNetworksCmd().exec()) {
            if (n.getIpam() != null && n.getIpam().getConfig() != null) {
                for (Network.Ipam.Config c : n.getIpam().getConfig()) {
                    if (c.getSubnet() != null && !c.getSubnet().contains(":")) {
                        taken.add(Ipv4Cidr.parse(c.getSubnet()));
                    }
                }
            }
        }
        List<Ipv4Cidr> tried = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Ipv4Cidr> subnet = PodSubnets.choose(taken, tried);
            if (subnet.isEmpty()) {
                return Optional.empty();
            }
            Ipv4Cidr pinned = PodSubnets.pinnedRange(subnet.get());
            Map<String, String> withRange = new LinkedHashMap<>(labels);
            withRange.put(Labels.PINNED_RANGE, pinned.toString());
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(withRange).withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                                .withSubnet(subnet.get().toString())
                                // named, or inspections show none (Docker still takes the first address)
                                .withGateway(Ipv4Cidr.address(subnet.get().base() + 1))
                                .withIpRange(PodSubnets.dockerRange(subnet.get()).toString())))
                        .exec();
                return Optional.of(pinned);
            } catch (ConflictException e) {
                throw e;
            } catch (DockerException e) {
                // another engine user took the subnet since the listing ("Pool overlaps ...")
                LOG.debug("network {} not created on {}: {}", name, subnet.get(), Errors.daemonMessage(e));
                tried.add(subnet.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Removes network {@code name} unless a container still uses it. Never throws for "in use" or "gone".
     *
     * @return whether the network is gone now
     */
    public boolean removeIfUnused(String name) {
        ReadWriteLock lock = locks.computeIfAbsent(name, n -> new ReentrantReadWriteLock());
        lock.writeLock().lock();
        try {
            docker.removeNetworkCmd(name).exec();
            forget(name);
            LOG.debug("removed network {}", name);
            return true;
        } catch (NotFoundException e) {
            forget(name);
            return true;
        } catch (DockerException e) {
            warnIfNoContainerUses(name, Errors.daemonMessage(e));
            return false;
        } catch (RuntimeException e) {
            LOG.debug("could not remove network {}: {}", name, e.toString());
            return false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A refusal is normal while containers use the network; without any, dockerd's endpoint count is stale. */
    private void warnIfNoContainerUses(String name, String refusal) {
        Map<String, ?> attached;
        try {
            attached = docker.inspectNetworkCmd().withNetworkId(name).exec().getContainers();
        } catch (RuntimeException e) {
            LOG.trace("network {} still in use: {}", name, refusal);
            return;
        }
        if (attached == null || attached.isEmpty()) {
            LOG.warn("network {} cannot be removed although no container uses it (Docker: {}): dockerd keeps a stale"
                    + " endpoint count for it; restarting dockerd frees it", name, refusal);
        } else {
            LOG.trace("network {} still in use by {}: {}", name, attached.keySet(), refusal);
        }
    }

    /**
     * The IPv4 gateway of network {@code name} (of cluster {@code clusterId}), creating the network if needed;
     * cached until this runtime removes or recreates the network. Empty if the network has no IPv4 gateway.
     */
    public Optional<String> gateway(String name, String clusterId) {
        Optional<String> cached = cachedGateway(name);
        if (cached.isPresent()) {
            return cached;
        }
        synchronized (gatewayLocks.computeIfAbsent(name, n -> new Object())) {
            cached = cachedGateway(name);
            if (cached.isPresent()) {
                return cached;
            }
            Optional<String> found = withNetwork(name, clusterId, () -> inspectGateway(name));
            found.ifPresent(g -> gateways.put(name, g));
            return found;
        }
    }

    private Optional<String> cachedGateway(String name) {
        String cached = gateways.get(name);
        return cached != null && known.contains(name) ? Optional.of(cached) : Optional.empty();
    }

    /**
     * The range of network {@code name} (of cluster {@code clusterId}) kept for pinned pod addresses, creating the
     * network if needed; empty if it has none (a network the user named, or one created without a subnet of this
     * runtime's choosing). Cached like {@link #gateway}.
     */
    public Optional<Ipv4Cidr> pinnedRange(String name, String clusterId) {
        Optional<Ipv4Cidr> cached = pinnedRanges.get(name);
        if (cached != null && known.contains(name)) {
            return cached;
        }
        synchronized (gatewayLocks.computeIfAbsent(name, n -> new Object())) {
            cached = pinnedRanges.get(name);
            if (cached != null && known.contains(name)) {
                return cached;
            }
            return withNetwork(name, clusterId, () -> {
                if (!pinnedRanges.containsKey(name)) {
                    inspect(name); // a network this runtime did not create
                }
                return pinnedRanges.getOrDefault(name, Optional.empty());
            });
        }
    }

    private Optional<String> inspectGateway(String name) {
        Network network = inspect(name);
        if (network.getIpam() == null || network.getIpam().getConfig() == null) {
            return Optional.empty();
        }
        return network.getIpam().getConfig().stream().map(Network.Ipam.Config::getGateway)
                .filter(g -> g != null && !g.isEmpty() && !g.contains(":")).findFirst();
    }

    /** Inspects network {@code name}, noting its pinned range. */
    private Network inspect(String name) {
        Network network;
        try {
            network = docker.inspectNetworkCmd().withNetworkId(name).exec();
        } catch (NotFoundException e) {
            throw e; // withNetwork recreates a network that vanished
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspecting network " + name);
        }
        String pinned = network.getLabels() == null ? null : network.getLabels().get(Labels.PINNED_RANGE);
        pinnedRanges.put(name, Optional.ofNullable(pinned).map(Ipv4Cidr::parse));
        return network;
    }

    private void forget(String name) {
        known.remove(name);
        gateways.remove(name);
        pinnedRanges.remove(name);
    }

    /** Tries to remove every network this runtime created or used. */
    public void removeUnused() {
        List.copyOf(known).forEach(this::removeIfUnused);
    }

    /** The networks labelled with {@code labels} (all Flotilla networks for an empty map). */
    public List<Network> list(Map<String, String> labels) {
        try {
            var cmd = docker.listNetworksCmd().withFilter("label",
                    labels.isEmpty() ? List.of(RuntimeLabels.KIND + "=" + Labels.KIND_NETWORK)
                            : labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            return cmd.exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "listing networks");
        }
    }
}
