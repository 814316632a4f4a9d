package io.flotilla.junit;

import io.flotilla.api.core.Endpoints;
import io.flotilla.core.Cluster;
import io.flotilla.core.network.ClusterDns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Assertions on a Service: its ready endpoints, its name in the cluster DNS, and HTTP answers through its host URL
 * ({@link io.flotilla.core.network.ServiceAccess#hostUrl}); see {@link EventualAssert} for {@code eventually} and
 * failure messages. Not thread-safe.
 */
public final class ServiceAssert extends EventualAssert<ServiceAssert> {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private final String name;

    ServiceAssert(Cluster cluster, String namespace, String name) {
        super(cluster, namespace);
        this.name = name;
    }

    @Override
    protected String subject() {
        return "Service " + namespace + "/" + name;
    }

    /** Checks that the Service exists. */
    public ServiceAssert exists() {
        return check("to exist", () -> cluster.client().services().inNamespace(namespace).get(name).isPresent() ? null
                : "it does not exist");
    }

    /** Checks that the Service has exactly {@code n} ready endpoint addresses. */
    public ServiceAssert hasReadyEndpoints(int n) {
        return check("to have " + n + " ready endpoints", () -> {
            Optional<Endpoints> ep = cluster.client().endpoints().inNamespace(namespace).get(name);
            int ready = ep.map(e -> e.subsets().stream().mapToInt(s -> s.addresses().size()).sum()).orElse(0);
            int notReady = ep.map(e -> e.subsets().stream().mapToInt(s -> s.notReadyAddresses().size())
                    .sum()).orElse(0);
            return ready == n ? null : "it has " + ready + " ready and " + notReady + " not ready";
        });
    }

    /**
     * Checks that {@code <name>.<namespace>.svc.<domain>} resolves in the cluster DNS (what pods use), to at least
     * one address.
     */
    public ServiceAssert isResolvable() {
        ClusterDns dns = cluster.dns();
        String fqdn = name + "." + namespace + ".svc." + dns.clusterDomain() + ".";
        return check("to resolve as " + fqdn, () -> {
            try {
                SimpleResolver resolver = new SimpleResolver(dns.address());
                resolver.setPort(dns.port());
                resolver.setTimeout(Duration.ofSeconds(2));
                Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(fqdn), Type.A,
                        DClass.IN)));
                if (answer.getRcode() != Rcode.NOERROR || answer.getSection(Section.ANSWER).isEmpty()) {
                    return "the cluster DNS answered " + Rcode.string(answer.getRcode()) + " with "
                            + answer.getSection(Section.ANSWER).size() + " records";
                }
                return null;
            } catch (IOException e) {
                return "the cluster DNS did not answer: " + e;
            }
        });
    }

    /** Checks that {@code GET <hostUrl><path>} answers with a 2xx status. */
    public ServiceAssert answersHttp(String path) {
        return answersHttp(path, "");
    }

    /** Checks that {@code GET <hostUrl><path>} answers with a 2xx status and a body containing {@code text}. */
    public ServiceAssert answersHttp(String path, String text) {
        String expectation = "to answer GET " + path + " with 2xx" + (text.isEmpty() ? "" : " and \"" + text + "\"");
        return check(expectation, () -> {
            URI url;
            try {
                url = cluster.services().hostUrl(namespace, name).resolve(path);
            } catch (RuntimeException e) {
                return "it has no host URL: " + e.getMessage();
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2 && r.body().contains(text)) {
                    return null;
                }
                String body = r.body().length() > 200 ? r.body().substring(0, 200) + "..." : r.body();
                return url + " answered " + r.statusCode() + ": " + body.strip();
            } catch (IOException e) {
                return url + " did not answer: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
    }
}
