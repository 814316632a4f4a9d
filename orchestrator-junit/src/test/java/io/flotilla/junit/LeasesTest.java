package io.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.junit.internal.Leases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lease files: a dead owner's clusters are swept once, a live owner's are left alone. */
class LeasesTest {

    @Test
    void sweepsOnlyTheClustersOfDeadOwnersOnTheRuntime(@TempDir Path dir) {
        new Leases(dir, p -> true).acquire("ft-1-aaaaaa", "docker");
        new Leases(dir, p -> true).acquire("ft-2-bbbbbb", "other");
        List<String> removed = new ArrayList<>();

        assertThat(new Leases(dir, p -> true).sweep("docker", removed::add)).isEmpty();
        assertThat(new Leases(dir, p -> false).sweep("docker", removed::add)).containsExactly("ft-1-aaaaaa");
        assertThat(removed).containsExactly("ft-1-aaaaaa");
        assertThat(dir.resolve("ft-1-aaaaaa.lease")).doesNotExist();
        assertThat(dir.resolve("ft-2-bbbbbb.lease")).exists();
    }

    @Test
    void aFailedRemovalKeepsTheLeaseForTheNextRun(@TempDir Path dir) {
        Leases leases = new Leases(dir, p -> false);
        leases.acquire("ft-3-cccccc", "docker");

        assertThat(leases.sweep("docker", id -> {
            throw new IllegalStateException("engine down");
        })).isEmpty();
        assertThat(dir.resolve("ft-3-cccccc.lease")).exists();
        leases.release("ft-3-cccccc");
        assertThat(dir.resolve("ft-3-cccccc.lease")).doesNotExist();
    }

    @Test
    void knowsWhetherTheOwnerProcessLives(@TempDir Path dir) throws Exception {
        new Leases(dir, p -> true).acquire("ft-4-dddddd", "docker");
        Properties mine = new Properties();
        try (var in = Files.newInputStream(dir.resolve("ft-4-dddddd.lease"))) {
            mine.load(in);
        }
        assertThat(Leases.ownerAlive(mine)).isTrue();
        Properties restarted = new Properties();
        restarted.putAll(mine);
        restarted.setProperty("start", "2001-01-01T00:00:00Z");
        assertThat(Leases.ownerAlive(restarted)).as("same pid, another process").isFalse();
        Properties gone = new Properties();
        gone.setProperty("pid", "2147483646");
        assertThat(Leases.ownerAlive(gone)).isFalse();
    }
}
