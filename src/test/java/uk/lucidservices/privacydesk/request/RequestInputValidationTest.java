package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * Issue 20 §5: a request logged through the desk's API needs the requester's name and at least one
 * identifier, and every identifier given must parse (email by {@code @Email} and
 * {@code InternetAddress.validate}, phone to E.164 by libphonenumber, account number by the
 * company's form). Otherwise 400 naming each bad field, and no request or process exists.
 */
class RequestInputValidationTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aPhoneRequestWithNoNameAndAPhoneThatIsNotOneIsRefusedNamingBothAndStartsNothing() {
        ResponseEntity<JsonNode> refused = refusedWithNothingStarted(
                Map.of("type", "SUBJECT_ACCESS", "channel", "PHONE", "name", "", "phone", "not a phone"));

        String message = refused.getBody().get("message").asText();
        assertThat(message).contains("name").contains("phone").doesNotContain("not a phone");
    }

    @Test
    void anEmailThatIsNotAnAddressIsRefusedEvenBesideAGoodPhone() {
        for (String bad : new String[] {
            "valentina.ostrova",
            "valentina ostrova@example.com",
            "valentina@@example.com",
            "valentina.ostrova@example.com>, other@example.com"
        }) {
            ResponseEntity<JsonNode> refused = refusedWithNothingStarted(Map.of(
                    "type",
                    "ERASURE",
                    "channel",
                    "LETTER",
                    "name",
                    "Valentina Ostrova",
                    "email",
                    bad,
                    "phone",
                    "01632 960778"));
            assertThat(refused.getBody().get("message").asText())
                    .as(bad)
                    .startsWith("email ")
                    .doesNotContain("phone");
        }
    }

    @Test
    void anAccountNumberNotOfTheCompanysFormIsRefused() {
        ResponseEntity<JsonNode> refused = refusedWithNothingStarted(Map.of(
                "type",
                "SUBJECT_ACCESS",
                "channel",
                "IN_PERSON",
                "name",
                "Valentina Ostrova",
                "accountNumber",
                "12345"));
        assertThat(refused.getBody().get("message").asText()).contains("accountNumber");
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        ResponseEntity<JsonNode> refused = refusedWithNothingStarted(Map.of(
                "type",
                "SUBJECT_ACCESS",
                "channel",
                "PHONE",
                "name",
                " ",
                "email",
                "no-at-sign",
                "phone",
                "12",
                "accountNumber",
                "XX1"));
        assertThat(refused.getBody().get("message").asText())
                .contains("name")
                .contains("email")
                .contains("phone")
                .contains("accountNumber");
    }

    @Test
    void aNameAndOneIdentifierThatParsesIsEnough() {
        for (Map<String, Object> identifier : new Map[] {
            Map.of("phone", "07700 900779"),
            Map.of("email", "valentina.ostrova.779@example.org"),
            Map.of("accountNumber", "ls100779")
        }) {
            Map<String, Object> body =
                    new HashMap<>(Map.of("type", "SUBJECT_ACCESS", "channel", "PHONE", "name", "Valentina Ostrova"));
            body.putAll(identifier);
            ResponseEntity<JsonNode> created =
                    http.withBasicAuth("olivia", "olivia").postForEntity("/api/requests", body, JsonNode.class);
            assertThat(created.getStatusCode())
                    .as("%s: %s", identifier, created.getBody())
                    .isEqualTo(HttpStatus.CREATED);
        }
    }

    private ResponseEntity<JsonNode> refusedWithNothingStarted(Map<String, Object> body) {
        long requests = count("SELECT COUNT(*) FROM desk.request");
        long processes = runtimeService.createProcessInstanceQuery().count();

        ResponseEntity<JsonNode> answer =
                http.withBasicAuth("olivia", "olivia").postForEntity("/api/requests", body, JsonNode.class);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("invalid");
        assertThat(count("SELECT COUNT(*) FROM desk.request"))
                .as("no request logged")
                .isEqualTo(requests);
        assertThat(runtimeService.createProcessInstanceQuery().count())
                .as("no process started")
                .isEqualTo(processes);
        return answer;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
