package io.flotilla.api.core;

import io.flotilla.api.meta.IntOrString;
import io.flotilla.api.validation.Checks;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.FieldPath;
import io.flotilla.api.validation.ValidationErrors;
import java.util.ArrayList;
import java.util.List;

/** Validation of a container's probes and lifecycle hooks. Stateless. */
final class ProbeValidation {
    private ProbeValidation() {
    }

    static void probes(Container c, boolean init, FieldPath at, ValidationErrors errors) {
        if (init) {
            for (String name : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                Probe p = switch (name) {
                    case "livenessProbe" -> c.livenessProbe();
                    case "readinessProbe" -> c.readinessProbe();
                    default -> c.startupProbe();
                };
                if (p != null) {
                    errors.add(FieldError.forbidden(at.child(name), "may not be set for init containers"));
                }
            }
            if (c.lifecycle() != null) {
                errors.add(FieldError.forbidden(at.child("lifecycle"), "may not be set for init containers"));
            }
            return;
        }
        probe(c.livenessProbe(), true, false, at.child("livenessProbe"), errors);
        probe(c.readinessProbe(), false, true, at.child("readinessProbe"), errors);
        probe(c.startupProbe(), true, false, at.child("startupProbe"), errors);
        if (c.lifecycle() != null) {
            handler(c.lifecycle().postStart(), at.child("lifecycle").child("postStart"), errors);
            handler(c.lifecycle().preStop(), at.child("lifecycle").child("preStop"), errors);
        }
    }

    private static void probe(Probe p, boolean mustSucceedOnce, boolean readiness, FieldPath path,
                              ValidationErrors errors) {
        if (p == null) {
            return;
        }
        List<String> set = new ArrayList<>();
        if (p.exec() != null) {
            set.add("exec");
            exec(p.exec(), path.child("exec"), errors);
        }
        if (p.httpGet() != null) {
            set.add("httpGet");
            httpGet(p.httpGet(), path.child("httpGet"), errors);
        }
        if (p.tcpSocket() != null) {
            set.add("tcpSocket");
            port(p.tcpSocket().port(), path.child("tcpSocket").child("port"), errors);
        }
        handlerCount(set, path, errors);
        Checks.nonNegative(p.initialDelaySeconds(), path.child("initialDelaySeconds"), errors);
        atLeastOne(p.timeoutSeconds(), path.child("timeoutSeconds"), errors);
        atLeastOne(p.periodSeconds(), path.child("periodSeconds"), errors);
        if (atLeastOne(p.successThreshold(), path.child("successThreshold"), errors) && mustSucceedOnce
                && p.successThreshold() != null && p.successThreshold() != 1) {
            errors.invalid(path.child("successThreshold"), p.successThreshold(), "must be 1");
        }
        atLeastOne(p.failureThreshold(), path.child("failureThreshold"), errors);
        if (p.terminationGracePeriodSeconds() != null) {
            if (readiness) {
                errors.invalid(path.child("terminationGracePeriodSeconds"), p.terminationGracePeriodSeconds(),
                        "must not be set for readinessProbes");
            } else {
                Checks.positive(p.terminationGracePeriodSeconds(), path.child("terminationGracePeriodSeconds"),
                        errors);
            }
        }
    }

    private static void handler(LifecycleHandler h, FieldPath path, ValidationErrors errors) {
        if (h == null) {
            return;
        }
        List<String> set = new ArrayList<>();
        if (h.exec() != null) {
            set.add("exec");
            exec(h.exec(), path.child("exec"), errors);
        }
        if (h.httpGet() != null) {
            set.add("httpGet");
            httpGet(h.httpGet(), path.child("httpGet"), errors);
        }
        if (h.tcpSocket() != null) {
            set.add("tcpSocket");
            port(h.tcpSocket().port(), path.child("tcpSocket").child("port"), errors);
        }
        if (h.sleep() != null) {
            set.add("sleep");
            if (h.sleep().seconds() == null) {
                errors.required(path.child("sleep").child("seconds"), "");
            } else {
                Checks.nonNegative(h.sleep().seconds(), path.child("sleep").child("seconds"), errors);
            }
        }
        handlerCount(set, path, errors);
    }

    private static void handlerCount(List<String> set, FieldPath path, ValidationErrors errors) {
        if (set.isEmpty()) {
            errors.required(path, "must specify a handler type");
        }
        for (int i = 1; i < set.size(); i++) {
            errors.add(FieldError.forbidden(path.child(set.get(i)), "may not specify more than 1 handler type"));
        }
    }

    private static void exec(ExecAction exec, FieldPath path, ValidationErrors errors) {
        if (exec.command().isEmpty()) {
            errors.required(path.child("command"), "");
        }
    }

    private static void httpGet(HttpGetAction get, FieldPath path, ValidationErrors errors) {
        port(get.port(), path.child("port"), errors);
        Checks.oneOf(get.scheme(), HttpGetAction.SCHEMES, path.child("scheme"), errors);
        for (int i = 0; i < get.httpHeaders().size(); i++) {
            HttpHeader h = get.httpHeaders().get(i);
            FieldPath name = path.child("httpHeaders").index(i).child("name");
            if (Checks.required(h.name(), name, errors) && !h.name().matches("[-A-Za-z0-9!#$%&'*+.^_`|~]+")) {
                errors.invalid(name, h.name(), "a valid HTTP header must consist of alphanumeric characters or "
                        + "'-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')");
            }
        }
    }

    /** A probe port: a number from 1 to 65535 or the IANA name of a container port. */
    private static void port(IntOrString port, FieldPath path, ValidationErrors errors) {
        if (port == null) {
            errors.required(path, "");
        } else if (port.isInt()) {
            Checks.port(port.intValue(), path, errors);
        } else {
            Checks.portName(port.stringValue(), path, errors);
        }
    }

    private static boolean atLeastOne(Integer value, FieldPath path, ValidationErrors errors) {
        if (value != null && value < 1) {
            errors.invalid(path, value, "must be greater than or equal to 1");
            return false;
        }
        return true;
    }
}
