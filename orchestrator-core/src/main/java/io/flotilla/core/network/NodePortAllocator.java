package io.flotilla.core.network;

import io.flotilla.api.admission.AdmissionDecision;
import io.flotilla.api.admission.AdmissionOperation;
import io.flotilla.api.admission.AdmissionRequest;
import io.flotilla.api.admission.MutatingAdmission;
import io.flotilla.api.admission.ValidatingAdmission;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServicePort;
import io.flotilla.api.core.ServiceSpec;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.core.time.Clock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/*
 * Design notes: Kubernetes allocates node ports in the API server's REST storage; Flotilla does it in admission,
 * which runs on every write before it is stored. The truth is the Service cache plus the reservations made here by
 * writes the cache has not shown yet, minus the Services being deleted (by uid: the cache may still show them). A
 * reservation whose write never landed (a later plugin or validation refused it) is forgotten once it is older
 * than RESERVATION_GRACE and no cached Service holds the port. Free ports are searched from a random point in the
 * range (as Kubernetes does) and skipped when the host cannot bind them: every cluster on a host listens on the
 * same addresses, so two clusters that both started at the range's start clashed in the host proxy.
 */
/**
 * Allocates and checks Service node ports in a range (default 30000-32767): a mutating admission fills unset
 * {@code nodePort}s of NodePort and LoadBalancer Services (keeping a port's old value on update; none for a
 * LoadBalancer with {@code allocateLoadBalancerNodePorts: false}) and refuses a
 * requested port outside the range or held by another Service, naming the port and its holder; a validating
 * admission releases a deleted Service's ports at once. A port chosen for a Service (not one it asks for) is one
 * the host can bind: another cluster or program on the host may hold ports in the same range. Thread-safe.
 */
public final class NodePortAllocator {
    static final Duration RESERVATION_GRACE = Duration.ofSeconds(30);
    private static final FieldPath PORTS = FieldPath.of("spec").child("ports");

    private record Reservation(String service, Instant at) {
    }

    private final int min;
    private final int max;
    private final Clock clock;
    private final IntPredicate bindable;
    private final Map<Integer, Reservation> reserved = new HashMap<>();
    private final Map<String, Instant> deleted = new HashMap<>();
    private volatile Supplier<List<Service>> services = List::of;
    private int cursor;

    /**
     * An allocator over {@code min..max} (inclusive) that hands out ports in order from {@code min} and assumes the
     * host can bind every one (for tests and simulated clusters).
     *
     * @throws IllegalArgumentException if the range is empty or outside 1-65535
     */
    public NodePortAllocator(int min, int max, Clock clock) {
        this(min, max, clock, port -> true, min);
    }

    /**
     * An allocator over {@code min..max} (inclusive) that searches from {@code first} and skips every port
     * {@code bindable} refuses (see {@link #bindableOn(String)}).
     *
     * @param bindable whether the host can listen on a port now; called under this allocator's lock, so it must
     *                 be quick and must not call back into the allocator
     * @throws IllegalArgumentException if the range is empty or outside 1-65535, or {@code first} is outside it
     */
    public NodePortAllocator(int min, int max, Clock clock, IntPredicate bindable, int first) {
        if (min < 1 || max > 65_535 || min > max) {
            throw new IllegalArgumentException("invalid node port range " + min + "-" + max);
        }
        if (first < min || first > max) {
            throw new IllegalArgumentException("first node port " + first + " is outside " + min + "-" + max);
        }
        this.min = min;
        this.max = max;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bindable = Objects.requireNonNull(bindable, "bindable");
        this.cursor = first - min;
    }

    /**
     * An allocator for real hosts: it searches from a random port in {@code min..max} and skips ports that
     * {@code bindAddress} cannot listen on over TCP ({@link #bindableOn(String)}).
     *
     * @throws IllegalArgumentException if the range is empty or outside 1-65535
     */
    public static NodePortAllocator forHost(int min, int max, Clock clock, String bindAddress) {
        if (min < 1 || max > 65_535 || min > max) {
            throw new IllegalArgumentException("invalid node port range " + min + "-" + max);
        }
        return new NodePortAllocator(min, max, clock, bindableOn(bindAddress),
                ThreadLocalRandom.current().nextInt(min, max + 1));
    }

    /**
     * Whether a TCP listener can be opened on {@code address} at a port right now (it is closed again at once).
     * The test is a snapshot: the port can still be taken before the proxy binds it.
     */
    public static IntPredicate bindableOn(String address) {
        Objects.requireNonNull(address, "address");
        return port -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, port));
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** Where the Services already stored are read from (the Service cache, once informers exist). */
    public void services(Supplier<List<Service>> services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The mutating admission that allocates and checks node ports. */
    public MutatingAdmission admission() {
        return MutatingAdmission.of("NodePortAllocation", this::admit);
    }

    /** The validating admission that releases the node ports of deleted Services. */
    public ValidatingAdmission release() {
        return ValidatingAdmission.of("NodePortRelease", request -> {
            if (request.operation() == AdmissionOperation.DELETE && Service.TYPE.equals(request.type())) {
                releaseAll(request.namespace() + "/" + request.name(), Set.of());
                request.oldObject(Service.class).map(s -> s.metadata().uid()).ifPresent(this::forget);
            }
            return AdmissionDecision.allow();
        });
    }

    private AdmissionDecision admit(AdmissionRequest request) {
        if (request.isStatus() || !(request.object() instanceof Service service)) {
            return AdmissionDecision.allow();
        }
        String key = request.namespace() + "/" + request.name();
        if (!service.spec().usesNodePorts()) {
            releaseAll(key, Set.of());
            return AdmissionDecision.allow();
        }
        Service old = request.oldObject(Service.class).orElse(null);
        synchronized (this) {
            Map<Integer, String> held = holders(key);
            List<ServicePort> ports = new ArrayList<>(service.spec().ports());
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                Integer wanted = ports.get(i).nodePort();
                if (wanted != null && wanted != 0) {
                    check(wanted, held, PORTS.index(i).child("nodePort"), errors);
                }
            }
            if (!errors.isEmpty()) {
                return AdmissionDecision.deny("node port not available", errors);
            }
            Set<Integer> kept = new HashSet<>();
            boolean allocate = !(ServiceSpec.TYPE_LOAD_BALANCER.equals(service.spec().effectiveType())
                    && Boolean.FALSE.equals(service.spec().allocateLoadBalancerNodePorts()));
            for (int i = 0; i < ports.size(); i++) {
                ServicePort p = ports.get(i);
                Integer port = p.nodePort() != null && p.nodePort() != 0 ? p.nodePort() : previous(old, p, held);
                if (port == null && !allocate) {
                    continue;
                }
                if (port == null) {
                    port = next(held);
                    if (port == null) {
                        return AdmissionDecision.deny("no node port left in range " + min + "-" + max,
                                List.of(FieldError.invalid(PORTS.index(i).child("nodePort"), null,
                                        "the node port range " + min + "-" + max + " is full")));
                    }
                }
                held.put(port, key);
                kept.add(port);
                ports.set(i, p.withNodePort(port));
            }
            kept.forEach(p -> reserved.put(p, new Reservation(key, clock.now())));
            releaseAll(key, kept);
            return AdmissionDecision.allow(new Service(service.metadata(), withPorts(service.spec(), ports),
                    service.status()));
        }
    }

    private static ServiceSpec withPorts(ServiceSpec s, List<ServicePort> ports) {
        return new ServiceSpec(ports, s.selector(), s.clusterIP(), s.clusterIPs(), s.type(), s.externalIPs(),
                s.sessionAffinity(), s.loadBalancerIP(), s.loadBalancerSourceRanges(), s.externalName(),
                s.externalTrafficPolicy(), s.healthCheckNodePort(), s.publishNotReadyAddresses(),
                s.sessionAffinityConfig(), s.ipFamilies(), s.ipFamilyPolicy(), s.allocateLoadBalancerNodePorts(),
                s.loadBalancerClass(), s.internalTrafficPolicy());
    }

    private void check(int port, Map<Integer, String> held, FieldPath at, List<FieldError> errors) {
        if (port < min || port > max) {
            errors.add(FieldError.invalid(at, port, "provided port is not in the valid range. The range of valid "
                    + "ports is " + min + "-" + max));
            return;
        }
        String holder = held.get(port);
        if (holder != null) {
            errors.add(FieldError.invalid(at, port, "provided port is already allocated to Service " + holder));
        }
    }

    /** Every port held by a Service other than {@code key}: cached Services and live reservations. */
    private Map<Integer, String> holders(String key) {
        Map<Integer, String> out = new HashMap<>();
        Instant stale = clock.now().minus(RESERVATION_GRACE);
        Set<String> cached = new HashSet<>();
        deleted.values().removeIf(at -> at.isBefore(stale));
        for (Service s : services.get()) {
            if (s.metadata().uid() != null && deleted.containsKey(s.metadata().uid())) {
                continue;
            }
            String k = s.metadata().namespace() + "/" + s.metadata().name();
            cached.add(k);
            if (!k.equals(key) && s.spec().usesNodePorts()) {
                s.spec().ports().stream().filter(p -> p.nodePort() != null && p.nodePort() != 0)
                        .forEach(p -> out.put(p.nodePort(), k));
            }
        }
        reserved.entrySet().removeIf(e -> e.getValue().at().isBefore(stale) && !out.containsKey(e.getKey())
                && !cached.contains(e.getValue().service()));
        reserved.forEach((port, r) -> {
            if (!r.service().equals(key)) {
                out.putIfAbsent(port, r.service());
            }
        });
        return out;
    }

    private static Integer previous(Service old, ServicePort p, Map<Integer, String> held) {
        if (old == null) {
            return null;
        }
        return old.spec().ports().stream()
                .filter(o -> Objects.equals(o.port(), p.port()) && o.effectiveProtocol().equals(p.effectiveProtocol()))
                .map(ServicePort::nodePort).filter(n -> n != null && n != 0 && !held.containsKey(n))
                .findFirst().orElse(null);
    }

    private Integer next(Map<Integer, String> held) {
        int size = max - min + 1;
        for (int i = 0; i < size; i++) {
            int port = min + Math.floorMod(cursor + i, size);
            if (!held.containsKey(port) && bindable.test(port)) {
                cursor = cursor + i + 1;
                return port;
            }
        }
        return null;
    }

    /** Ignores the cached Service of {@code uid} from now on: it is being deleted, the cache may lag. */
    private synchronized void forget(String uid) {
        deleted.put(uid, clock.now());
    }

    private synchronized void releaseAll(String key, Set<Integer> keep) {
        reserved.entrySet().removeIf(e -> e.getValue().service().equals(key) && !keep.contains(e.getKey()));
    }
}
