package io.flotilla.core.network.dns;

import io.flotilla.api.core.EndpointAddress;
import io.flotilla.api.core.EndpointPort;
import io.flotilla.api.core.EndpointSubset;
import io.flotilla.api.core.Endpoints;
import io.flotilla.api.core.Service;
import io.flotilla.api.core.ServiceSpec;
import io.flotilla.core.client.informer.Lister;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/*
 * Design notes: the names of Kubernetes' DNS specification, answered from the Service and Endpoints caches (no store
 * reads per query). Flotilla has no virtual IPs, so a Service name's A records are its ready endpoint IPs, rotated
 * by one on every query (round robin); a headless Service is answered the same way. Only the cluster domain is
 * served: other names are REFUSED, so a resolver moves on to its next server. Short names ("web", "web.ns") are
 * the resolver's business: the search list of the DnsConfig turns them into the FQDNs answered here.
 */
/**
 * Answers DNS queries for the cluster domain: {@code <svc>.<ns>.svc.<domain>} (A, or CNAME for ExternalName),
 * {@code <hostname>.<svc>.<ns>.svc.<domain>} and {@code <a-b-c-d>.<svc>.<ns>.svc.<domain>} (one endpoint),
 * {@code _<port>._<proto>.<svc>.<ns>.svc.<domain>} (SRV per endpoint, for named ports) and
 * {@code <a-b-c-d>.<ns>.pod.<domain>}. Thread-safe; never throws for a well-formed query.
 */
public final class DnsZone {
    private final Name origin;
    private final long ttl;
    private final Lister<Service> services;
    private final Lister<Endpoints> endpoints;
    private final Map<String, AtomicInteger> rotation = new ConcurrentHashMap<>();

    /**
     * A zone over the caches.
     *
     * @param domain     the cluster domain, such as {@code cluster.local}
     * @param ttlSeconds the TTL of every answer
     * @param services   the Service cache
     * @param endpoints  the Endpoints cache
     * @throws IllegalArgumentException if {@code domain} is not a DNS name
     */
    public DnsZone(String domain, long ttlSeconds, Lister<Service> services, Lister<Endpoints> endpoints) {
        try {
            this.origin = Name.fromString(domain.endsWith(".") ? domain : domain + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS domain: " + domain, e);
        }
        this.ttl = ttlSeconds;
        this.services = Objects.requireNonNull(services, "services");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /** The response to {@code query}: an answer, NXDOMAIN, REFUSED, or FORMERR for a query without a question. */
    public Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (!name.subdomain(origin)) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        List<String> labels = relativeLabels(name);
        boolean found = lookup(labels, name, question.getType(), response);
        if (!found) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response;
    }

    /** The labels left of the origin, lower case, leftmost first. */
    private List<String> relativeLabels(Name name) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < name.labels() - origin.labels(); i++) {
            labels.add(name.getLabelString(i).toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    private boolean lookup(List<String> l, Name name, int type, Message response) {
        int n = l.size();
        if (n == 0 || (n == 1 && (l.get(0).equals("svc") || l.get(0).equals("pod")))) {
            return true;
        }
        if (n == 2 && (l.get(1).equals("svc") || l.get(1).equals("pod"))) {
            return true;
        }
        if (n == 3 && l.get(2).equals("svc")) {
            return service(l.get(1), l.get(0), name, type, response);
        }
        if (n == 3 && l.get(2).equals("pod")) {
            return pod(l.get(0), name, type, response);
        }
        if (n == 4 && l.get(3).equals("svc")) {
            return endpoint(l.get(2), l.get(1), l.get(0), name, type, response);
        }
        if (n == 5 && l.get(4).equals("svc") && l.get(0).startsWith("_") && l.get(1).startsWith("_")) {
            return srv(l.get(3), l.get(2), l.get(0).substring(1), l.get(1).substring(1), name, type, response);
        }
        return false;
    }

    private boolean service(String ns, String svc, Name name, int type, Message response) {
        Optional<Service> found = services.get(ns, svc);
        if (found.isEmpty()) {
            return false;
        }
        ServiceSpec spec = found.get().spec();
        if (ServiceSpec.TYPE_EXTERNAL_NAME.equals(spec.effectiveType()) && spec.externalName() != null) {
            try {
                String target = spec.externalName().endsWith(".") ? spec.externalName() : spec.externalName() + ".";
                response.addRecord(new CNAMERecord(name, DClass.IN, ttl, Name.fromString(target)), Section.ANSWER);
            } catch (TextParseException e) {
                response.getHeader().setRcode(Rcode.SERVFAIL);
            }
            return true;
        }
        if (wantsA(type)) {
            List<EndpointAddress> ready = rotated(ns + "/" + svc, readyAddresses(ns, svc));
            ready.forEach(a -> addA(response, Section.ANSWER, name, a.ip()));
        }
        return true;
    }

    private boolean endpoint(String ns, String svc, String host, Name name, int type, Message response) {
        Optional<EndpointAddress> match = readyAddresses(ns, svc).stream()
                .filter(a -> host.equals(a.hostname()) || host.equals(dashed(a.ip()))).findFirst();
        if (match.isEmpty()) {
            return false;
        }
        if (wantsA(type)) {
            addA(response, Section.ANSWER, name, match.get().ip());
        }
        return true;
    }

    private boolean srv(String ns, String svc, String port, String proto, Name name, int type, Message response) {
        if (services.get(ns, svc).isEmpty()) {
            return false;
        }
        boolean any = false;
        for (EndpointSubset subset : subsets(ns, svc)) {
            for (EndpointPort p : subset.ports()) {
                String protocol = p.protocol() == null ? "tcp" : p.protocol().toLowerCase(Locale.ROOT);
                if (!port.equals(p.name()) || !proto.equals(protocol) || p.port() == null) {
                    continue;
                }
                for (EndpointAddress a : subset.addresses()) {
                    any = true;
                    if (type != Type.SRV && type != Type.ANY) {
                        continue;
                    }
                    Name target = targetName(a, svc, ns);
                    response.addRecord(new SRVRecord(name, DClass.IN, ttl, 0, 100, p.port(), target),
                            Section.ANSWER);
                    addA(response, Section.ADDITIONAL, target, a.ip());
                }
            }
        }
        return any;
    }

    private boolean pod(String dashedIp, Name name, int type, Message response) {
        String ip = dashedIp.replace('-', '.');
        if (!ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        if (wantsA(type)) {
            addA(response, Section.ANSWER, name, ip);
        }
        return true;
    }

    private Name targetName(EndpointAddress a, String svc, String ns) {
        String host = a.hostname() != null ? a.hostname() : dashed(a.ip());
        return Name.fromConstantString(host + "." + svc + "." + ns + ".svc." + origin);
    }

    private List<EndpointSubset> subsets(String ns, String svc) {
        return endpoints.get(ns, svc).map(Endpoints::subsets).orElse(List.of());
    }

    private List<EndpointAddress> readyAddresses(String ns, String svc) {
        return endpoints.get(ns, svc).map(Endpoints::readyAddresses).orElse(List.of());
    }

    private List<EndpointAddress> rotated(String key, List<EndpointAddress> addresses) {
        if (addresses.size() < 2) {
            return addresses;
        }
        int start = Math.floorMod(rotation.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement(),
                addresses.size());
        List<EndpointAddress> out = new ArrayList<>(addresses.subList(start, addresses.size()));
        out.addAll(addresses.subList(0, start));
        return out;
    }

    private static boolean wantsA(int type) {
        return type == Type.A || type == Type.ANY;
    }

    private void addA(Message response, int section, Name name, String ip) {
        try {
            InetAddress address = Address.getByAddress(ip, Address.IPv4);
            response.addRecord(new ARecord(name, DClass.IN, ttl, address), section);
        } catch (UnknownHostException e) {
            // not an IPv4 literal: nothing to publish
        }
    }

    private static String dashed(String ip) {
        return ip == null ? "" : ip.replace('.', '-').replace(':', '-');
    }
}
