package io.flotilla.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.runtime.ContainerRuntimeException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerRuntimeTest {

    @Test
    void refusesPlainTcpToARemoteAddressBeforeConnecting() {
        DockerRuntime runtime = DockerRuntime.remote(URI.create("tcp://10.0.0.7:2375"));
        assertThat(runtime.endpoint()).isEqualTo("tcp://10.0.0.7:2375");
        assertThatThrownBy(runtime::version)
                .isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("plain TCP to 10.0.0.7 is refused")
                .hasMessageContaining(".tls(certDir)")
                .hasMessageContaining(".allowInsecure()")
                .hasMessageContaining("tcp://10.0.0.7:2375");
    }

    @Test
    void namesTheMissingCertificateFiles(@TempDir Path certs) throws Exception {
        Files.writeString(certs.resolve("ca.pem"), "x");
        DockerRuntime runtime = DockerRuntime.remote(URI.create("tcp://10.0.0.7:2376")).tls(certs);
        assertThatThrownBy(runtime::info).isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("cert.pem, key.pem");
    }

    @Test
    void aClosedRuntimeRefusesCalls() {
        DockerRuntime runtime = DockerRuntime.remote(URI.create("tcp://127.0.0.1:1"));
        runtime.close();
        runtime.close();
        assertThatThrownBy(runtime::version).isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void copyWithsLeaveTheOriginalUnchanged() {
        DockerRuntime original = DockerRuntime.remote(URI.create("tcp://10.0.0.7:2375"));
        DockerRuntime insecure = original.allowInsecure();
        assertThat(insecure).isNotSameAs(original);
        assertThatThrownBy(original::version).hasMessageContaining("refused");
    }
}
