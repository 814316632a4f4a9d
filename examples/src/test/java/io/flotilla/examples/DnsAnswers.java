package io.flotilla.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The IPv4 addresses a name resolves to, as the service ITs read them: from busybox {@code nslookup}'s output inside
 * a pod, or asked of a DNS server from the host. Stateless and thread-safe.
 */
final class DnsAnswers {
    private static final Pattern ANSWER = Pattern.compile("Name:\\s*(\\S+)\\s*\\n\\s*Address(?: \\d+)?:\\s*([0-9.]+)");
    private static final Pattern MORE = Pattern.compile("Address(?: \\d+)?:\\s*([0-9.]+)");

    private DnsAnswers() {
    }

    /**
     * The addresses busybox nslookup printed for the names it resolved, not the server's: busybox prints the server
     * first ({@code Address: 10.0.0.1:53}), so only addresses after a {@code Name:} line count, up to the next blank
     * line. Never {@code null}; empty when nothing resolved.
     */
    static Set<String> fromNslookup(String nslookup) {
        Set<String> found = new TreeSet<>();
        Matcher m = ANSWER.matcher(nslookup);
        int from = 0;
        while (m.find(from)) {
            found.add(m.group(2));
            int end = nslookup.indexOf("\n\n", m.end());
            Matcher more = MORE.matcher(nslookup.substring(m.end(), end < 0 ? nslookup.length() : end));
            while (more.find()) {
                found.add(more.group(1));
            }
            from = end < 0 ? nslookup.length() : end;
        }
        return found;
    }

    /**
     * The A records of {@code name} (absolute, with the final dot) as the server at {@code server}:{@code port}
     * answers, uncached; empty when it has none.
     *
     * @throws UncheckedIOException if the server cannot be asked
     */
    static Set<String> lookupA(String server, int port, String name) {
        try {
            SimpleResolver resolver = new SimpleResolver(InetAddress.getByName(server));
            resolver.setPort(port);
            Lookup lookup = new Lookup(name, Type.A);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            Record[] records = lookup.run();
            Set<String> ips = new TreeSet<>();
            if (records != null) {
                for (Record r : records) {
                    ips.add(((ARecord) r).getAddress().getHostAddress());
                }
            }
            return ips;
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask " + server + ":" + port + " for " + name, e);
        }
    }
}
