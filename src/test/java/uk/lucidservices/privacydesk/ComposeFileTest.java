package uk.lucidservices.privacydesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on our machines, so this checks docker-compose.yml against the
 * settings the application actually reads: variable names and ports.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(DESK_[A-Z_]+)[:}]");

    private static Set<String> variablesTheApplicationReads() throws Exception {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static JsonNode compose() throws Exception {
        return YAML.readTree(Path.of("docker-compose.yml").toFile());
    }

    @Test
    void everyDeskVariableInTheComposeFileIsOneTheApplicationReads() throws Exception {
        Set<String> read = variablesTheApplicationReads();
        Iterator<String> names = compose().at("/services/desk/environment").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("DESK_")) {
                assertThat(read).as("application.yml reads " + name).contains(name);
            } else {
                assertThat(name).isEqualTo("SPRING_PROFILES_ACTIVE");
            }
        }
    }

    @Test
    void theComposeFileSetsEverythingProductionNeeds() throws Exception {
        JsonNode env = compose().at("/services/desk/environment");
        for (String required : new String[]{"DESK_DB_URL", "DESK_DB_USER", "DESK_DB_PASSWORD", "DESK_ADMIN_PASSWORD",
                "DESK_SMTP_HOST", "DESK_SMTP_PORT"}) {
            assertThat(env.has(required)).as(required).isTrue();
        }
        assertThat(env.get("SPRING_PROFILES_ACTIVE").asText()).isNotEqualTo("demo");
        assertThat(env.get("DESK_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
    }

    @Test
    void portsMatchWhatTheDeskAndMailServerListenOn() throws Exception {
        JsonNode services = compose().get("services");
        assertThat(services.at("/desk/ports/0").asText()).endsWith(":8080");
        String appYml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(appYml).contains("port: ${PORT:8080}");
        String smtpPort = services.at("/desk/environment/DESK_SMTP_PORT").asText();
        assertThat(services.at("/mail/ports").toString()).contains(":" + smtpPort);
        assertThat(appYml).contains("smtp-port: " + smtpPort);
    }
}
