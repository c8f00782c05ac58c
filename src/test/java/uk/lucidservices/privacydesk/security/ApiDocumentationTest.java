package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** /api/openapi describes every endpoint of the desk's API, and only to a signed-in desk user. */
class ApiDocumentationTest extends DeskIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anonymousCallersAreRefusedTheDescriptionAndItsUi() {
        assertThat(http.getForEntity("/api/openapi", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/openapi/swagger-config", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDescriptionListsEveryEndpointOfTheDesksApiWithHttpBasic() throws Exception {
        ResponseEntity<String> response =
                http.withBasicAuth("olivia", "olivia").getForEntity("/api/openapi", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode doc = JSON.readTree(response.getBody());
        assertThat(doc.at("/info/title").asText()).isEqualTo("Privacy Desk API");
        assertThat(doc.at("/components/securitySchemes/desk-user/scheme").asText())
                .isEqualTo("basic");

        Set<String> described = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue()
                .fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> deskApi = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("uk.lucidservices.privacydesk")) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    entry.getKey()
                            .getMethodsCondition()
                            .getMethods()
                            .forEach(method -> deskApi.add(method.name() + " " + pattern));
                }
            }
        }
        assertThat(deskApi).contains("POST /api/requests", "GET /api/requests/{reference}");
        assertThat(described).containsAll(deskApi);
        // Only the desk's API: not the actuator, the packs' download links or springdoc itself.
        assertThat(described).allMatch(entry -> entry.contains(" /api/") && !entry.contains("/api/openapi"));
    }
}
