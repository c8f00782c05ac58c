package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.lucidservices.privacydesk.security.ProductionSettings.complete;
import static uk.lucidservices.privacydesk.security.ProductionSettings.environment;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class ProductionGuardTest {

    private static Map<String, Object> completeWith(String name, Object value) {
        Map<String, Object> variables = complete();
        variables.put(name, value);
        return variables;
    }

    private static Map<String, Object> completeWithout(String name) {
        Map<String, Object> variables = complete();
        variables.remove(name);
        return variables;
    }

    @Test
    void withNothingSetProductionRefusesWithOneMessageNamingEverySettingItNeeds() {
        var env = environment(Map.of());
        assertThatThrownBy(() -> new ProductionGuard().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOfSatisfying(StartRefused.class, refused -> {
                    assertThat(refused.problems()).hasSize(13);
                    assertThat(refused.getMessage())
                            .contains(
                                    "DESK_DB_URL",
                                    "DESK_DB_PASSWORD",
                                    "DESK_ADMIN_PASSWORD",
                                    "DESK_SUPPRESSION_SECRET",
                                    "DESK_DOWNLOAD_LOG_SECRET",
                                    "DESK_SMTP_HOST",
                                    "DESK_IMAP_HOST",
                                    "DESK_IMAP_PASSWORD",
                                    "DESK_PUBLIC_URL",
                                    "DESK_ADR_SCHEME_NAME",
                                    "DESK_ADR_SCHEME_WEBSITE",
                                    "DESK_ADR_SCHEME_PHONE",
                                    "DESK_ADR_SCHEME_NAME_CY");
                });
    }

    @Test
    void eachMissingSettingIsNamed() {
        for (String name : complete().keySet()) {
            if (name.equals("DESK_DB_USER")) {
                continue;
            }
            assertThat(ProductionGuard.problems(environment(completeWithout(name))))
                    .as("without " + name)
                    .singleElement()
                    .asString()
                    .contains(name);
        }
    }

    @Test
    void everythingSetStartsAndTheProductionDefaultsUseTls() {
        var env = environment(complete());
        assertThatCode(() -> new ProductionGuard().postProcessEnvironment(env, new SpringApplication()))
                .doesNotThrowAnyException();
        assertThat(env.getProperty("spring.mail.port")).isEqualTo("587");
        assertThat(env.getProperty("desk.intake.mailbox.protocol")).isEqualTo("imaps");
    }

    @Test
    void behindAnHttpsAddressTheProxysForwardedHeadersMustBeReadOrOneCallerLocksEveryoneOut() {
        Map<String, Object> noForwarding = new HashMap<>(ProductionSettings.complete());
        noForwarding.remove("SERVER_FORWARD_HEADERS_STRATEGY");
        assertThat(ProductionGuard.problems(environment(noForwarding)))
                .singleElement()
                .asString()
                .contains("SERVER_FORWARD_HEADERS_STRATEGY=native");
        noForwarding.put("SERVER_SSL_ENABLED", "true");
        assertThat(ProductionGuard.problems(environment(noForwarding)))
                .as("TLS served by the desk itself")
                .isEmpty();
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_SUPPRESSION_SECRET", "x".repeat(31)))))
                .singleElement()
                .asString()
                .contains("DESK_SUPPRESSION_SECRET", "shorter than 32 bytes");
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_SUPPRESSION_SECRET", "x".repeat(32)))))
                .isEmpty();
    }

    @Test
    void theDemoSecretAndTheDefaultAdminPasswordAreRefused() {
        assertThat(ProductionGuard.problems(
                        environment(completeWith("DESK_SUPPRESSION_SECRET", ProductionGuard.DEMO_SECRETS.get(0)))))
                .singleElement()
                .asString()
                .contains("DESK_SUPPRESSION_SECRET");
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_ADMIN_PASSWORD", "admin"))))
                .singleElement()
                .asString()
                .contains("DESK_ADMIN_PASSWORD");
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_ADMIN_PASSWORD", "Lucid-Demo-2468"))))
                .as("the demo's admin password, printed in the README")
                .singleElement()
                .asString()
                .contains("DESK_ADMIN_PASSWORD");
        assertThat(ProductionGuard.problems(environment(
                        completeWith("DESK_DOWNLOAD_LOG_SECRET", "demo-download-log-secret-not-for-production"))))
                .singleElement()
                .asString()
                .contains("DESK_DOWNLOAD_LOG_SECRET");
    }

    @Test
    void outgoingMailWithoutTlsIsRefused() {
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_SMTP_STARTTLS", "false"))))
                .singleElement()
                .asString()
                .contains("outgoing mail runs without TLS", "DESK_SMTP_PROTOCOL=smtps");
        Map<String, Object> smtps = completeWith("DESK_SMTP_STARTTLS", "false");
        smtps.put("DESK_SMTP_PROTOCOL", "smtps");
        assertThat(ProductionGuard.problems(environment(smtps))).isEmpty();
    }

    @Test
    void aMailboxReadWithoutTlsIsRefused() {
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_IMAP_PROTOCOL", "imap"))))
                .singleElement()
                .asString()
                .contains("read without TLS", "DESK_IMAP_STARTTLS");
        Map<String, Object> starttls = completeWith("DESK_IMAP_PROTOCOL", "imap");
        starttls.put("DESK_IMAP_STARTTLS", "true");
        assertThat(ProductionGuard.problems(environment(starttls))).isEmpty();
    }

    @Test
    void theEmbeddedH2DatabaseIsTheDemosNotProductions() {
        assertThat(ProductionGuard.problems(environment(completeWith("DESK_DB_URL", "jdbc:h2:file:./data/db/desk"))))
                .singleElement()
                .asString()
                .contains("DESK_DB_URL");
    }

    @Test
    void demoSwitchesAreRefusedOutsideTheDemo() {
        Map<String, Object> variables = completeWith("DESK_DEMO_USERS", "true");
        variables.put("DESK_MAIL_EMBEDDED_ENABLED", "true");
        assertThat(ProductionGuard.problems(environment(variables)))
                .containsExactlyInAnyOrder(
                        "demo users are switched on: set desk.demo.users=false",
                        "the embedded mail server is for the demo only: set desk.mail.embedded.enabled=false");
    }

    @Test
    void theDemoProfileNeedsNoneOfIt() {
        var env = environment(Map.of("SPRING_PROFILES_ACTIVE", "demo"));
        assertThat(ProductionGuard.problems(env)).isEmpty();
        assertThat(env.getProperty("spring.mail.host")).isEqualTo("localhost");
    }
}
