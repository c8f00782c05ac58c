package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The reviewer's list of flagged items: every item by the name the review form uses, with its text; officers only. */
class RedactionItemsApiTest extends AccessTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void privacyOfficerSeesEveryFlaggedItemWithItsText() throws Exception {
        String reference = searchedRequest();
        int flagged = review.flag(reference);
        String url = "/api/access-requests/" + reference + "/redaction-items";

        ResponseEntity<String> response = http.withBasicAuth("peter", "peter").getForEntity(url, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode items = new ObjectMapper().readTree(response.getBody());
        assertThat(items).hasSize(flagged);
        long complaint = expectedIds().get("complaints").iterator().next();
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("item").asText()).isEqualTo("complaints:" + complaint + ":others_involved");
            assertThat(item.get("text").asText()).startsWith("Installer: ");
            assertThat(item.get("decision").isNull()).isTrue();
        });
        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("chloe", "chloe")
                        .getForEntity(url, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
