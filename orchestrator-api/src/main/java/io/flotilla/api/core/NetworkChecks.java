package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Network-shaped values of the core kinds: IP addresses, CIDRs and DNS-1035 labels (Service names). Stateless.
 *
 * <p>Design note: IPv6 literals are parsed with {@link InetAddress#getByName}, which never resolves a name when the
 * text starts with a hex digit or ':' and contains a ':' (it parses the literal or throws); anything else is
 * rejected before it could reach a DNS lookup.
 */
final class NetworkChecks {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern HEX_OR_COLON_START = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private NetworkChecks() {
    }

    /** Whether {@code text} is an IPv4 address in dotted-quad form. */
    static boolean isIPv4(String text) {
        return text != null && IPV4.matcher(text).matches();
    }

    /** Whether {@code text} is an IPv6 address literal (without brackets or zone). */
    static boolean isIPv6(String text) {
        if (text == null || !text.contains(":") || !HEX_OR_COLON_START.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text); // an IPv4-mapped literal such as ::ffff:10.0.0.1 yields an Inet4Address
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether {@code text} is an IPv4 or IPv6 address. */
    static boolean isIP(String text) {
        return isIPv4(text) || isIPv6(text);
    }

    /** Reports {@code path: Invalid value: "x": must be a valid IP address} unless {@code ip} is one. */
    static boolean ip(String ip, FieldPath path, ValidationErrors errors) {
        if (!isIP(ip)) {
            errors.invalid(path, ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
            return false;
        }
        return true;
    }

    /** Reports an invalid CIDR such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    static boolean cidr(String cidr, FieldPath path, ValidationErrors errors) {
        int slash = cidr == null ? -1 : cidr.indexOf('/');
        boolean ok = false;
        if (slash > 0) {
            String ip = cidr.substring(0, slash);
            String bits = cidr.substring(slash + 1);
            int max = isIPv4(ip) ? 32 : isIPv6(ip) ? 128 : -1;
            ok = max > 0 && bits.matches("[0-9]{1,3}") && Integer.parseInt(bits) <= max;
        }
        if (!ok) {
            errors.invalid(path, cidr, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        }
        return ok;
    }

    /**
     * A DNS-1035 label (a DNS-1123 label that starts with a letter), as Service names must be. Reports only the
     * first problem.
     */
    static boolean dns1035Label(String value, FieldPath path, ValidationErrors errors) {
        if (value.length() > Checks.DNS1123_LABEL_MAX) {
            errors.invalid(path, value, "must be no more than " + Checks.DNS1123_LABEL_MAX + " characters");
            return false;
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errors.invalid(path, value, "a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
                    + "start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', "
                    + "or 'abc-123')");
            return false;
        }
        return true;
    }

    /**
     * The rules a Service port and an Endpoints port share: a DNS-1123 name (required when there are several
     * ports), a port number, a protocol and an optional qualified appProtocol.
     */
    static void namedPort(String name, Integer port, String protocol, String appProtocol, boolean many,
                          FieldPath at, ValidationErrors errors) {
        if (name == null || name.isEmpty()) {
            if (many) {
                errors.required(at.child("name"), "");
            }
        } else {
            Checks.dns1123Label(name, at.child("name"), errors);
        }
        if (port == null) {
            errors.required(at.child("port"), "");
        } else {
            Checks.port(port, at.child("port"), errors);
        }
        Checks.oneOf(protocol, ServicePort.PROTOCOLS, at.child("protocol"), errors);
        if (appProtocol != null) {
            Checks.qualifiedName(appProtocol, at.child("appProtocol"), errors);
        }
    }
}
