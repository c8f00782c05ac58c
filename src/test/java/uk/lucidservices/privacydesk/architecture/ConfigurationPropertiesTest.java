package uk.lucidservices.privacydesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code desk.*} setting is a component of one {@code @ConfigurationProperties} record per
 * prefix (issue 18), so the configuration processor documents it for IDEs: no setting is read with
 * {@code @Value}, and every one the configuration files set has a description in the generated
 * metadata (the record's {@code @param} Javadoc).
 */
class ConfigurationPropertiesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<Path> CONFIGURATION =
            List.of(Path.of("src/main/resources/application.yml"), Path.of("src/main/resources/application-demo.yml"));
    /** Written by spring-boot-configuration-processor when the desk is compiled. */
    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static final Pattern DESK_VALUE = Pattern.compile("@Value\\(\\s*\"\\$\\{desk\\.");

    @Test
    void noDeskSettingIsReadWithValue() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                List<String> lines = read(file).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (DESK_VALUE.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found)
                .as("desk.* settings read with @Value: inject the prefix's @ConfigurationProperties record instead")
                .isEmpty();
    }

    @Test
    void theScanFindsAValueOfADeskSetting() {
        assertThat(DESK_VALUE
                        .matcher("Foo(@Value(\"${desk.sla.notice-time:08:00}\") LocalTime t)")
                        .find())
                .isTrue();
        assertThat(DESK_VALUE
                        .matcher("Foo(@Value(\"${server.port}\") int port)")
                        .find())
                .isFalse();
    }

    @Test
    void everyDeskSettingInTheConfigurationFilesIsDocumentedInTheMetadata() throws IOException {
        assertThat(METADATA)
                .as("the configuration processor's metadata (compile the desk first)")
                .exists();
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode property : new ObjectMapper().readTree(METADATA.toFile()).get("properties")) {
            properties.put(property.get("name").asText(), property);
        }
        Set<String> keys = new TreeSet<>();
        for (Path file : CONFIGURATION) {
            JsonNode desk = new YAMLMapper().readTree(file.toFile()).get("desk");
            collect("desk", desk, keys);
        }
        assertThat(keys).as("desk.* settings in the configuration files").contains("desk.public-url");

        Set<String> undocumented = new TreeSet<>();
        for (String key : keys) {
            JsonNode property = documenting(key, properties);
            if (property == null) {
                undocumented.add(key + " (no property in the metadata)");
            } else if (!property.hasNonNull("description")
                    || property.get("description").asText().isBlank()) {
                undocumented.add(key + " (no description: add an @param to its record's Javadoc)");
            }
        }
        assertThat(undocumented)
                .as("desk.* settings the metadata does not document")
                .isEmpty();
    }

    /** The property that documents a key: the key itself, or the map (erasure scopes, letter settings) it is in. */
    private static JsonNode documenting(String key, Map<String, JsonNode> properties) {
        if (properties.containsKey(key)) {
            return properties.get(key);
        }
        return properties.values().stream()
                .filter(p -> p.path("type").asText().startsWith("java.util.Map<"))
                .filter(p -> key.startsWith(p.get("name").asText() + "."))
                .findFirst()
                .orElse(null);
    }

    /** Leaf keys; a list (mailboxes, letter locations) is one setting. */
    private static void collect(String prefix, JsonNode node, Set<String> keys) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(prefix + "." + field.getKey(), field.getValue(), keys));
        } else {
            keys.add(prefix);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
