package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

class RequestApiTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RequestRegister register;

    private ResponseEntity<JsonNode> log(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, user).postForEntity("/api/requests", body, JsonNode.class);
    }

    @Test
    void aPhoneRequestIsLoggedWithItsClocks() {
        ResponseEntity<JsonNode> created = log(
                "olivia",
                Map.of(
                        "type",
                        "SUBJECT_ACCESS",
                        "channel",
                        "PHONE",
                        "name",
                        "Caller Example",
                        "phone",
                        "01632 960555",
                        "receivedAt",
                        "2026-01-31T10:15:00Z"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = created.getBody().get("reference").asText();
        assertThat(reference).matches("SAR-2026-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/requests/" + reference);

        JsonNode status =
                http.withBasicAuth("olivia", "olivia").getForObject("/api/requests/" + reference, JsonNode.class);
        assertThat(status.get("type").asText()).isEqualTo("SUBJECT_ACCESS");
        assertThat(status.get("channel").asText()).isEqualTo("PHONE");
        assertThat(status.get("clockStart").asText()).isEqualTo("2026-01-31");
        // ICO rule: 31 January -> 28 February (a Saturday) -> Monday 2 March.
        assertThat(status.get("statutoryDeadline").asText()).isEqualTo("2026-03-02");
        // Day 28 counting 31 January as day 1: Friday 27 February.
        assertThat(status.get("internalTarget").asText()).isEqualTo("2026-02-27");
        // The status answer carries no contact details.
        assertThat(status.toString()).doesNotContain("Caller Example").doesNotContain("960555");

        Request stored = register.get(reference);
        assertThat(stored.requesterPhone()).isEqualTo("01632 960555");
        assertThat(stored.loggedBy()).isEqualTo("olivia");
    }

    @Test
    void staffLogAPhoneRequestInWelshAndTheRegisterKeepsItsLanguage() {
        ResponseEntity<JsonNode> welsh = log(
                "olivia",
                Map.of(
                        "type", "SUBJECT_ACCESS",
                        "channel", "PHONE",
                        "name", "Caller Cymraeg",
                        "phone", "01632 960556",
                        "language", "WELSH"));
        assertThat(welsh.getStatusCode()).as("%s", welsh.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(register.get(welsh.getBody().get("reference").asText()).language())
                .isEqualTo(Language.WELSH);

        ResponseEntity<JsonNode> unsaid = log(
                "olivia",
                Map.of("type", "ERASURE", "channel", "LETTER", "name", "Writer English", "phone", "01632 960557"));
        assertThat(register.get(unsaid.getBody().get("reference").asText()).language())
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void aRequestWithNoWayToIdentifyTheRequesterIsRefused() {
        ResponseEntity<JsonNode> refused =
                log("olivia", Map.of("type", "ERASURE", "channel", "LETTER", "name", "Someone"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("email, phone or account number");
    }

    @Test
    void anUnknownTypeIsRefusedWithAMessage() {
        ResponseEntity<JsonNode> refused =
                log("olivia", Map.of("type", "GOSSIP", "channel", "PHONE", "phone", "01632 960555"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("error").asText()).isEqualTo("invalid");
    }

    @Test
    void complaintsAreNeedToKnow() {
        String reference = log(
                        "chloe",
                        Map.of(
                                "type",
                                "COMPLAINT",
                                "channel",
                                "LETTER",
                                "name",
                                "Writer Example",
                                "email",
                                "x@example.com"))
                .getBody()
                .get("reference")
                .asText();
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .getForEntity("/api/requests/" + reference, String.class)
                        .getStatusCode())
                .as("as if it did not exist")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("chloe", "chloe")
                        .getForEntity("/api/requests/" + reference, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("mark", "mark")
                        .getForEntity("/api/requests/" + reference, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnknownReferenceIs404() {
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .getForEntity("/api/requests/SAR-1999-000001", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
