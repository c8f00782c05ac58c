package uk.lucidservices.privacydesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;

/**
 * A bundled letter or document template with a marker added, dropped into the tests' letters folder
 * (the first place templates are looked up) for as long as it is open: text that appears in what the
 * desk produces only if it really was rendered from that template, read at the time.
 */
public final class TemplateOverride implements AutoCloseable {

    private static final Path FOLDER = Path.of("target/test-data/letters");

    private final Path file;

    private TemplateOverride(Path file) {
        this.file = file;
    }

    /** The bundled {@code letters/<name>} with {@code marker} inserted right after the first {@code after}. */
    public static TemplateOverride withMarker(String name, String after, String marker) {
        try {
            String bundled = new ClassPathResource("letters/" + name).getContentAsString(StandardCharsets.UTF_8);
            int at = bundled.indexOf(after);
            if (at < 0) {
                throw new IllegalArgumentException(name + " has no '" + after + "'");
            }
            at += after.length();
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name);
            Files.writeString(file, bundled.substring(0, at) + marker + bundled.substring(at));
            return new TemplateOverride(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
