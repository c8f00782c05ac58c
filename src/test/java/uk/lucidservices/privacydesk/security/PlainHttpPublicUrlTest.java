package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** The shared test desk is published at http://localhost:8080 (the demo's address): no HSTS, no Secure flag. */
class PlainHttpPublicUrlTest extends DeskIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void overPlainHttpTheDeskSendsNoHstsAndNoSecureCookies() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/welcome/default/"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue(StrictTransportSecurityFilter.HEADER))
                .isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(c -> assertThat(c)
                .containsPattern("(?i);\\s*Secure(;|$)"));
    }
}
