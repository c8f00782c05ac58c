package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * /actuator/health for an orchestrator and for the people who run the desk: status only to anyone,
 * the mailbox, database and job executor with their details to managers and admins.
 */
class HealthEndpointTest extends DeskIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void anonymousCallersGetTheStatusAndNothingElse() throws Exception {
        JsonNode health = body(http.getForEntity("/actuator/health", String.class));
        // The status, and the names of the probe groups an orchestrator may call.
        assertThat(fieldNames(health)).containsExactly("status", "groups");
        assertThat(health.get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aPrivacyOfficerSignedInGetsTheStatusOnly() throws Exception {
        JsonNode health = body(http.withBasicAuth("olivia", "olivia").getForEntity("/actuator/health", String.class));
        assertThat(fieldNames(health)).containsExactly("status", "groups");
    }

    @Test
    void aManagerSeesMailboxDatabaseAndJobExecutorWithDetails() throws Exception {
        JsonNode health = body(http.withBasicAuth("mark", "mark").getForEntity("/actuator/health", String.class));
        JsonNode components = health.get("components");
        assertThat(fieldNames(components)).contains("mailbox", "db", "jobExecutor", "processEngine");
        assertThat(components.at("/db/details/database").asText()).isEqualTo("PostgreSQL");
        // Switched off in the tests (they run jobs themselves): up, and saying so.
        assertThat(components.at("/jobExecutor/status").asText()).isEqualTo("UP");
        assertThat(components.at("/jobExecutor/details/enabled").asBoolean()).isFalse();
        assertThat(fieldNames(components.at("/jobExecutor/details")))
                .contains("active", "maxJobsPerAcquisition", "failedJobs");
        assertThat(components.at("/mailbox/status").asText()).isNotEmpty();
    }

    @Test
    void anAdminSeesTheDetailsToo() throws Exception {
        JsonNode health = body(http.withBasicAuth("admin", ProductionGuard.DEMO_ADMIN_PASSWORD)
                .getForEntity("/actuator/health", String.class));
        assertThat(fieldNames(health.get("components"))).contains("mailbox", "db", "jobExecutor");
    }

    @Test
    void wrongCredentialsAreRefusedRatherThanTreatedAsAnonymous() {
        assertThat(http.withBasicAuth("mark", "not-marks-password")
                        .getForEntity("/actuator/health", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void livenessAndReadinessGroupsAnswerAnOrchestratorWithoutCredentials() throws Exception {
        JsonNode liveness = body(http.getForEntity("/actuator/health/liveness", String.class));
        JsonNode readiness = body(http.getForEntity("/actuator/health/readiness", String.class));
        assertThat(liveness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(fieldNames(readiness)).containsExactly("status");
    }

    @Test
    void readinessWaitsForTheDatabaseButNotTheMailbox() throws Exception {
        JsonNode readiness =
                body(http.withBasicAuth("mark", "mark").getForEntity("/actuator/health/readiness", String.class));
        assertThat(fieldNames(readiness.get("components"))).containsExactlyInAnyOrder("readinessState", "db");
        JsonNode liveness =
                body(http.withBasicAuth("mark", "mark").getForEntity("/actuator/health/liveness", String.class));
        assertThat(fieldNames(liveness.get("components"))).containsExactly("livenessState");
    }

    private static JsonNode body(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
