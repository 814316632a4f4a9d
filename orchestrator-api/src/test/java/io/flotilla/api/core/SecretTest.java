package io.flotilla.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.manifest.ManifestException;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secret: builder and YAML agree, decoding follows Kubernetes, and values never leak. */
class SecretTest {
    private static final String VALUE = "s3cr3t-Hunter2";

    private static List<FieldError> validate(Secret secret) {
        ValidationErrors errors = new ValidationErrors();
        Secret.TYPE.validator().validate(secret, errors);
        return errors.list();
    }

    @Test
    void builderEqualsYaml() {
        Secret built = Secret.named("db").stringData("password", VALUE)
                .data("key", new byte[] {1, 2, 3}).immutable(true).build();
        Secret loaded = Manifests.strict().readOne("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                immutable: true
                data:
                  key: AQID
                stringData:
                  password: s3cr3t-Hunter2
                """, Secret.class);

        assertThat(built).isEqualTo(loaded);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(validate(built)).isEmpty();
    }

    @Test
    void typeRoundTripsUnderItsKubernetesName() {
        Secret tls = Secret.named("tls").tls("cert".getBytes(StandardCharsets.UTF_8),
                "key".getBytes(StandardCharsets.UTF_8)).build();
        String yaml = Manifests.strict().toYaml(tls);

        assertThat(yaml).contains("type: kubernetes.io/tls").doesNotContain("secretType");
        assertThat(Manifests.strict().readOne(yaml, Secret.class)).isEqualTo(tls);
        assertThat(tls.effectiveType()).isEqualTo(Secret.TLS);
        assertThat(Secret.named("x").build().effectiveType()).isEqualTo(Secret.OPAQUE);
    }

    @Test
    void decodedPrefersStringDataLikeKubernetes() {
        Secret secret = Secret.named("db")
                .data("password", "old".getBytes(StandardCharsets.UTF_8))
                .data("user", "shop".getBytes(StandardCharsets.UTF_8))
                .stringData("password", VALUE)
                .build();

        assertThat(secret.decodedString("password")).isEqualTo(VALUE);
        assertThat(secret.decoded("user")).isEqualTo("shop".getBytes(StandardCharsets.UTF_8));
        assertThat(secret.decoded("missing")).isNull();
        assertThat(secret.keys()).containsExactly("password", "user");
    }

    @Test
    void badBase64FailsWithoutQuotingTheValue() {
        Secret secret = new Secret(null, null, java.util.Map.of("password", "%%" + VALUE), null, null);

        assertThatThrownBy(() -> secret.decoded("password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data[password]")
                .hasMessageNotContaining(VALUE)
                .hasNoCause();
    }

    @Test
    void toStringShowsKeysButNeverValues() {
        Secret secret = Secret.named("db").namespace("shop").stringData("password", VALUE)
                .data("token", VALUE.getBytes(StandardCharsets.UTF_8))
                .annotation("kubectl.kubernetes.io/last-applied-configuration", "{\"password\":\"" + VALUE + "\"}")
                .build();
        String encoded = Base64.getEncoder().encodeToString(VALUE.getBytes(StandardCharsets.UTF_8));

        assertThat(secret.toString())
                .contains("db", "shop", "password", "token")
                .doesNotContain(VALUE, encoded);
    }

    @Test
    void validationErrorsNeverCarryAValue() {
        Secret bad = new Secret(io.flotilla.api.meta.ObjectMeta.named("db"), null,
                java.util.Map.of("password", "%%" + VALUE + "%%"), java.util.Map.of(".dockerconfigjson", "{" + VALUE),
                Secret.DOCKER_CONFIG_JSON);
        List<FieldError> errors = validate(bad);

        assertThat(errors).extracting(e -> e.path().toString())
                .containsExactly("data[password]", "data[.dockerconfigjson]");
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.value()).isNull();
            assertThat(e.toString()).doesNotContain(VALUE);
        });
    }

    @Test
    void manifestErrorsNeverCarryAValue() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: shop-tls
                type: kubernetes.io/tls
                data:
                  tls.crt: "%%s3cr3t-Hunter2%%"
                stringData:
                  tls.key: s3cr3t-Hunter2
                  "bad key": s3cr3t-Hunter2
                """;

        assertThatThrownBy(() -> Manifests.strict().read(yaml))
                .isInstanceOfSatisfying(ManifestException.class, e -> {
                    assertThat(e.paths()).containsExactly("data[tls.crt]", "stringData[bad key]");
                    assertThat(e.getMessage()).doesNotContain(VALUE);
                });
    }

    @Test
    void wellKnownTypesNeedTheirKeys() {
        assertThat(validate(Secret.named("t").type(Secret.TLS).stringData(Secret.TLS_CERT_KEY, "c").build()))
                .extracting(FieldError::toString).containsExactly("data[tls.key]: Required value");
        assertThat(validate(Secret.named("b").type(Secret.BASIC_AUTH).build()))
                .extracting(e -> e.path().toString()).containsExactly("data[username]", "data[password]");
        assertThat(validate(Secret.named("s").type(Secret.SERVICE_ACCOUNT_TOKEN).build()))
                .extracting(e -> e.path().toString())
                .containsExactly("metadata.annotations[kubernetes.io/service-account.name]");
        assertThat(validate(Secret.named("r").type(Secret.DOCKER_CONFIG_JSON)
                .stringData(Secret.DOCKER_CONFIG_JSON_KEY, "{\"auths\":{}}").build())).isEmpty();
        assertThat(validate(Secret.named("c").type("example.com/custom").build())).isEmpty();
    }

    @Test
    void totalSizeIsLimitedToOneMebibyte() {
        Secret big = Secret.named("big").data("blob", new byte[1024 * 1024 + 1]).build();

        assertThat(validate(big)).extracting(FieldError::toString)
                .containsExactly("data: Too long: must have at most 1048576 bytes");
    }
}
