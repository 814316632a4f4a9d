package io.flotilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.apps.Deployment;
import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the README's example true: it is this module's code, and it does what the README says. */
class ReadmeExampleTest {

    @Test
    void readmeExamplesAreTheCompiledExamples() throws IOException {
        assertReadmeBlockIs("examples/src/main/java/io/flotilla/examples/ReadmeExample.java");
        assertReadmeBlockIs("examples/src/main/java/io/flotilla/examples/ReadmeClusterExample.java");
        // the new user's project: built against the installed artifacts by scripts/test
        assertReadmeBlockIs("examples/new-user-project/src/test/java/com/example/shop/ShopTest.java");
    }

    private static void assertReadmeBlockIs(String file) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("compiled from " + Pattern.quote(file) + " -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has the block of %s", file).isTrue();
        String source = Files.readString(Path.of("..", file));
        String compiled = source.substring(source.indexOf("// README:start") + "// README:start".length(),
                source.indexOf("// README:end"));
        assertThat(normalise(block.group(1))).isEqualTo(normalise(compiled));
    }

    @Test
    void exampleWritesManifestsThatLoadBack() {
        String yaml = ReadmeExample.run();
        List<Resource> back = Manifests.strict().read(yaml);
        assertThat(back).extracting(Resource::kind).containsExactly("ConfigMap", "Deployment", "Service");
        Deployment web = (Deployment) back.get(1);
        assertThat(web.spec().replicas()).isEqualTo(3);
        assertThat(web.spec().template().metadata().labels()).containsEntry("app", "web");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
