package io.flotilla.api.core;

import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;

/** Validation of a pod's {@code dnsPolicy} with its {@code dnsConfig}, with Kubernetes' limits. Stateless. */
final class PodDNSValidation {
    /** At most this many name servers, as glibc reads ({@code MAXNS}). */
    static final int MAX_NAMESERVERS = 3;
    /** At most this many search domains, as Kubernetes allows. */
    static final int MAX_SEARCHES = 32;
    /** At most this many characters in the search list, as Kubernetes allows. */
    static final int MAX_SEARCH_LENGTH = 2048;

    private PodDNSValidation() {
    }

    /** Checks {@code spec.dnsConfig} against {@code spec.dnsPolicy}. */
    static void validate(PodSpec spec, FieldPath path, ValidationErrors errors) {
        PodDNSConfig config = spec.dnsConfig();
        FieldPath configPath = path.child("dnsConfig");
        boolean none = PodSpec.DNS_NONE.equals(spec.dnsPolicy());
        if (config == null) {
            if (none) {
                errors.required(configPath, "must provide `dnsConfig` when `dnsPolicy` is None");
            }
            return;
        }
        FieldPath servers = configPath.child("nameservers");
        if (none && config.nameservers().isEmpty()) {
            errors.required(servers, "must provide at least one DNS nameserver when `dnsPolicy` is None");
        }
        if (config.nameservers().size() > MAX_NAMESERVERS) {
            errors.invalid(servers, config.nameservers(), "must not have more than " + MAX_NAMESERVERS
                    + " nameservers");
        }
        for (int i = 0; i < config.nameservers().size(); i++) {
            NetworkChecks.ip(config.nameservers().get(i), servers.index(i), errors);
        }
        searches(config.searches(), configPath.child("searches"), errors);
        for (int i = 0; i < config.options().size(); i++) {
            PodDNSConfigOption option = config.options().get(i);
            if (option == null || option.name() == null || option.name().isEmpty()) {
                errors.required(configPath.child("options").index(i).child("name"), "");
            }
        }
    }

    private static void searches(List<String> searches, FieldPath path, ValidationErrors errors) {
        if (searches.size() > MAX_SEARCHES) {
            errors.invalid(path, searches, "must not have more than " + MAX_SEARCHES + " search paths");
        }
        if (String.join(" ", searches).length() > MAX_SEARCH_LENGTH) {
            errors.invalid(path, searches, "must not have more than " + MAX_SEARCH_LENGTH
                    + " characters (including spaces) in the search list");
        }
        for (int i = 0; i < searches.size(); i++) {
            String search = searches.get(i);
            // a trailing dot is allowed (an absolute name), and "." alone is not a search domain
            String name = search != null && search.endsWith(".") ? search.substring(0, search.length() - 1) : search;
            if (Checks.required(name, path.index(i), errors)) {
                Checks.dns1123Subdomain(name, path.index(i), errors);
            }
        }
    }
}
