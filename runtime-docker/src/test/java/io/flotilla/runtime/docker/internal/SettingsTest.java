package io.flotilla.runtime.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static Settings remote(String uri) {
        return Settings.forHost(URI.create(uri), false);
    }

    @Test
    void acceptsUnixSocketsAndLoopbackTcp() {
        assertThat(remote("unix:///var/run/docker.sock").violation()).isNull();
        assertThat(remote("tcp://127.0.0.1:23750").violation()).isNull();
        assertThat(remote("tcp://localhost:2375").violation()).isNull();
        assertThat(remote("tcp://[::1]:2375").violation()).isNull();
    }

    @Test
    void refusesPlainTcpElsewhereUnlessAllowed() {
        assertThat(remote("tcp://10.0.0.7:2375").violation()).contains("plain TCP to 10.0.0.7 is refused");
        assertThat(remote("tcp://docker.example.com:2375").violation()).contains("refused");
        assertThat(remote("tcp://127.example.com:2375").violation()).contains("refused");
        assertThat(remote("tcp://10.0.0.7:2375").withAllowInsecure().violation()).isNull();
    }

    @Test
    void tlsNeedsAllThreeFiles(@TempDir Path dir) throws Exception {
        Settings tls = remote("tcp://10.0.0.7:2376").withTls(dir);
        assertThat(tls.violation()).contains("ca.pem, cert.pem, key.pem");
        for (String file : Settings.TLS_FILES) {
            Files.writeString(dir.resolve(file), "pem");
        }
        assertThat(tls.violation()).isNull();
    }

    @Test
    void publishesOnLoopbackLocallyAndOnAllAddressesRemotely() {
        assertThat(remote("unix:///var/run/docker.sock").defaultHostIp()).isEqualTo("127.0.0.1");
        assertThat(remote("tcp://127.0.0.1:23750").defaultHostIp()).isEqualTo("127.0.0.1");
        assertThat(remote("tcp://10.0.0.7:2376").defaultHostIp()).isEqualTo("0.0.0.0");
        assertThat(remote("tcp://10.0.0.7:2376").withDefaultHostIp("10.0.0.7").defaultHostIp())
                .isEqualTo("10.0.0.7");
    }
}
