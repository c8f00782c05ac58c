package uk.lucidservices.privacydesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import uk.lucidservices.privacydesk.security.ProductionGuard;
import uk.lucidservices.privacydesk.security.ProductionSettings;

/**
 * No Docker engine runs on our machines, so this checks docker-compose.yml and the Dockerfile
 * against the desk itself: the desk service's environment must satisfy the production guard.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(DESK_[A-Z_]+)[:}]");
    /** Compose's own interpolation: ${NAME}, ${NAME:?message}, ${NAME:-default}. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::?[?-][^}]*)?}");

    /** How the guard names a variable to set: "set DESK_X (property) ...". */
    private static final Pattern GUARD_VARIABLE = Pattern.compile("^set (DESK_[A-Z_]+) ");

    private static final Pattern REQUIRED_COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");

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

    /** What an operator exports before `docker compose up`: an https address and long random values. */
    private static String operatorValue(String name) {
        return name.endsWith("_URL")
                ? "https://privacy.example.co.uk"
                : name.toLowerCase() + "-0123456789abcdef0123456789";
    }

    /** The desk container's environment after compose's interpolation. */
    private static Map<String, Object> deskEnvironment() throws Exception {
        Map<String, Object> env = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields =
                compose().at("/services/desk/environment").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            env.put(
                    field.getKey(),
                    COMPOSE_VARIABLE
                            .matcher(field.getValue().asText())
                            .replaceAll(m -> Matcher.quoteReplacement(operatorValue(m.group(1)))));
        }
        return env;
    }

    @Test
    void theDeskServicesEnvironmentPassesTheProductionGuard() throws Exception {
        Map<String, Object> env = deskEnvironment();
        assertThat(env.get("SPRING_PROFILES_ACTIVE")).isNotEqualTo("demo");
        assertThat(ProductionGuard.problems(ProductionSettings.environment(env)))
                .isEmpty();
    }

    /**
     * Spring Boot's own start-up, as the container runs it, with exactly the desk service's environment:
     * application.yml and the profile's file are read and every EnvironmentPostProcessor the desk
     * registers (META-INF/spring.factories: the production guard first) runs, then a context without
     * beans starts. The engine, database and mail are left out; what would refuse the start is not.
     */
    @Test
    void theDeskStartsWithTheComposeEnvironmentAndRefusesWithoutOneOfIt() throws Exception {
        Map<String, Object> env = deskEnvironment();
        try (ConfigurableApplicationContext desk = startUpTo(env)) {
            assertThat(desk.getEnvironment().getProperty("desk.intake.mailbox.host"))
                    .isEqualTo("mail");
            assertThat(desk.getEnvironment().getProperty("spring.mail.host")).isEqualTo("mail");
            assertThat(desk.getEnvironment().getProperty("desk.suppression.hmac-secret"))
                    .isNotBlank();
        }
        env.remove("DESK_SUPPRESSION_SECRET");
        assertThatThrownBy(() -> startUpTo(env).close())
                .hasMessageContaining("will not start as production")
                .hasMessageContaining("DESK_SUPPRESSION_SECRET");
    }

    /** The start-up's only source: no beans (and no @Configuration, so the suite's scan passes it by). */
    static class NoBeans {}

    private static ConfigurableApplicationContext startUpTo(Map<String, Object> variables) {
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // Only the listener that runs the EnvironmentPostProcessors: the suite's logging stays as it is.
        application.setListeners(List.of(new EnvironmentPostProcessorApplicationListener()));
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        application.setEnvironment(environment);
        return application.run();
    }

    @Test
    void withoutOneOfItsSettingsTheGuardWouldNameIt() throws Exception {
        Map<String, Object> env = deskEnvironment();
        env.remove("DESK_SUPPRESSION_SECRET");
        env.put("DESK_IMAP_PROTOCOL", "imap");
        assertThat(ProductionGuard.problems(ProductionSettings.environment(env)))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("DESK_SUPPRESSION_SECRET"))
                .anySatisfy(p -> assertThat(p).contains("without TLS"));
    }

    /**
     * The variables the guard asks for when nothing is set, read from its own messages ("set
     * DESK_DB_URL (...)"), so a setting the guard starts to require is checked here without an edit.
     */
    @Test
    void everyVariableTheGuardRequiresIsSetForTheDesk() throws Exception {
        Set<String> required = new TreeSet<>();
        for (String problem : ProductionGuard.problems(ProductionSettings.environment(Map.of()))) {
            Matcher m = GUARD_VARIABLE.matcher(problem);
            if (m.find()) {
                required.add(m.group(1));
            }
        }
        assertThat(required).contains("DESK_SUPPRESSION_SECRET", "DESK_IMAP_HOST", "DESK_DB_URL", "DESK_SMTP_HOST");
        assertThat(deskEnvironment()).containsKeys(required.toArray(String[]::new));
    }

    /** Inside compose's network "localhost" is the desk's own container: every host is a service's name. */
    @Test
    void theDeskReachesDatabaseAndMailByTheirServiceNamesOnTheirContainerPorts() throws Exception {
        JsonNode services = compose().get("services");
        JsonNode desk = services.at("/desk/environment");
        URI database = URI.create(desk.get("DESK_DB_URL").asText().substring("jdbc:".length()));
        // What the desk connects to, by variable: host and port.
        List<List<String>> endpoints = List.of(
                List.of(database.getHost(), String.valueOf(database.getPort())),
                List.of(
                        desk.get("DESK_SMTP_HOST").asText(),
                        desk.get("DESK_SMTP_PORT").asText()),
                List.of(
                        desk.get("DESK_IMAP_HOST").asText(),
                        desk.get("DESK_IMAP_PORT").asText()));
        Set<String> hosts = new TreeSet<>();
        for (List<String> endpoint : endpoints) {
            String host = endpoint.get(0);
            hosts.add(host);
            assertThat(services.has(host)).as("a compose service named " + host).isTrue();
            assertThat(host).isNotEqualTo("desk");
            List<String> containerPorts = new ArrayList<>();
            services.at("/" + host + "/ports")
                    .forEach(p ->
                            containerPorts.add(p.asText().substring(p.asText().lastIndexOf(':') + 1)));
            assertThat(containerPorts).as(host + "'s container ports").contains(endpoint.get(1));
        }
        assertThat(hosts).containsExactly("mail", "postgres");
        // depends_on is a list of names, or a map from name to condition.
        JsonNode dependsOn = services.at("/desk/depends_on");
        List<String> dependencies = new ArrayList<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(n -> dependencies.add(n.asText()));
        } else {
            dependsOn.fieldNames().forEachRemaining(dependencies::add);
        }
        assertThat(dependencies).containsAll(hosts);
    }

    @Test
    void everyValueTheOperatorSuppliesIsRequiredSoComposeStopsWithoutIt() throws Exception {
        String file = Files.readString(Path.of("docker-compose.yml"));
        Set<String> required = new HashSet<>();
        Matcher m = REQUIRED_COMPOSE_VARIABLE.matcher(file);
        while (m.find()) {
            required.add(m.group(1));
        }
        Matcher used = COMPOSE_VARIABLE.matcher(file);
        while (used.find()) {
            assertThat(required)
                    .as("${" + used.group(1) + ":?...} somewhere in docker-compose.yml")
                    .contains(used.group(1));
        }
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
                assertThat(name)
                        .isIn(
                                "SPRING_PROFILES_ACTIVE",
                                "JAVA_TOOL_OPTIONS",
                                "SERVER_FORWARD_HEADERS_STRATEGY",
                                "LOGGING_STRUCTURED_FORMAT_CONSOLE");
            }
        }
    }

    @Test
    void databaseAndMailArePublishedOnLocalhostOnlyAndTheDeskReachesMailOnTheirPorts() throws Exception {
        JsonNode services = compose().get("services");
        for (String service : List.of("postgres", "mail")) {
            for (JsonNode port : services.at("/" + service + "/ports")) {
                assertThat(port.asText()).as(service + " port").startsWith("127.0.0.1:");
            }
        }
        String mailPorts = services.at("/mail/ports").toString();
        JsonNode desk = services.at("/desk/environment");
        assertThat(mailPorts).contains(":" + desk.get("DESK_SMTP_PORT").asText() + "\"");
        assertThat(mailPorts).contains(":" + desk.get("DESK_IMAP_PORT").asText() + "\"");
        assertThat(desk.get("DESK_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(services.at("/desk/ports/0").asText()).endsWith(":8080");
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .contains("port: ${PORT:8080}");
    }

    @Test
    void theContainerRunsAsAnOrdinaryUser() throws Exception {
        List<String> users = Files.readAllLines(Path.of("Dockerfile")).stream()
                .map(String::trim)
                .filter(line -> line.startsWith("USER "))
                .toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1)
                .substring("USER ".length())
                .split(":")[0]
                .trim();
        assertThat(user).isNotIn("root", "0");
    }
}
