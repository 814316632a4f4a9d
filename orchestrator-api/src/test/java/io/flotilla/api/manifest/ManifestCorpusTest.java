package io.flotilla.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.api.ResourceTypes;
import io.flotilla.api.meta.Resource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the manifest corpus in {@code src/test/resources/manifests}: every file under {@code valid/} loads and
 * round-trips through YAML and JSON unchanged; every file under {@code invalid/} fails with exactly the field paths
 * its {@code # expect:} header lines name (one path per line, in order), and no object is returned.
 */
class ManifestCorpusTest {
    private static final Manifests CODEC = Manifests.strict();

    @TestFactory
    Stream<DynamicTest> validManifestsRoundTrip() throws IOException {
        return files("valid").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<Resource> loaded = CODEC.read(file);
            assertThat(loaded).as("objects in %s", file).isNotEmpty();
            assertThat(CODEC.read(CODEC.toYaml(loaded))).as("YAML round trip").isEqualTo(loaded);
            for (Resource r : loaded) {
                assertThat(CODEC.read(CODEC.toJson(r))).as("JSON round trip").containsExactly(r);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidManifestsNameTheirFields() throws IOException {
        return files("invalid").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<String> expected = Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("# expect:"))
                    .map(l -> l.substring("# expect:".length()).trim())
                    .toList();
            assertThat(expected).as("%s must declare '# expect:' lines", file).isNotEmpty();
            assertThatThrownBy(() -> CODEC.read(file))
                    .isInstanceOfSatisfying(ManifestException.class, e -> {
                        assertThat(e.paths()).as(e.getMessage()).containsExactlyElementsOf(expected);
                        assertThat(e.getMessage()).doesNotContain("io.flotilla", "com.fasterxml", "Exception");
                    });
        }));
    }

    @Test
    void corpusHasAValidManifestOfEveryBuiltInKind() throws IOException {
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> valid = files("valid")) {
            valid.forEach(f -> CODEC.read(f).forEach(r -> seen.add(r.kind())));
        }
        assertThat(seen).containsAll(ResourceTypes.builtIn().kindNames());
    }

    private static Stream<Path> files(String dir) throws IOException {
        try {
            Path root = Path.of(ManifestCorpusTest.class.getResource("/manifests/" + dir).toURI());
            return Files.list(root).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .sorted();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
