package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PodDNSValidationTest {
    private static List<String> errors(UnaryOperator<PodSpec.Builder> spec) {
        Pod pod = Pod.named("p").container("c", c -> c.image("busybox")).podSpec(spec).build();
        ValidationErrors errors = new ValidationErrors();
        Pod.TYPE.validator().validate(pod, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void noneNeedsADnsConfigWithANameserver() {
        assertThat(errors(s -> s.dnsPolicy(PodSpec.DNS_NONE))).singleElement().asString()
                .contains("spec.dnsConfig").contains("dnsPolicy` is None");
        assertThat(errors(s -> s.dnsPolicy(PodSpec.DNS_NONE).dnsConfig(new PodDNSConfig(null, List.of("a.b"), null))))
                .singleElement().asString().contains("spec.dnsConfig.nameservers");
        assertThat(errors(s -> s.dnsPolicy(PodSpec.DNS_NONE)
                .dnsConfig(new PodDNSConfig(List.of("10.0.0.10"), List.of("a.b."), null)))).isEmpty();
    }

    @Test
    void nameserversSearchesAndOptionsAreChecked() {
        List<String> errors = errors(s -> s.dnsConfig(new PodDNSConfig(
                List.of("1.1.1.1", "2.2.2.2", "3.3.3.3", "not-an-ip"), List.of("Bad_Domain"),
                List.of(new PodDNSConfigOption(null, "1")))));
        assertThat(String.join("\n", errors)).contains("spec.dnsConfig.nameservers: Invalid value")
                .contains("more than 3 nameservers").contains("spec.dnsConfig.nameservers[3]")
                .contains("spec.dnsConfig.searches[0]").contains("spec.dnsConfig.options[0].name: Required value");
    }
}
