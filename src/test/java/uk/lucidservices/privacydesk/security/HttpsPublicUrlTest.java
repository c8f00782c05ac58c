package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * The desk published at an https address: a context of its own, with an engine of its own name
 * (letters only: the starter ignores a name with a hyphen). It stays open to the end of the run, as
 * H2StartupTest's does: closing a context resets the Camunda webapps' JVM-wide runtime delegates
 * (Cockpit, Tasklist, Admin), which would break the shared test context's webapps.
 */
@TestPropertySource(
        properties = {
            "desk.public-url=https://privacy.example.co.uk",
            "camunda.bpm.process-engine-name=" + HttpsPublicUrlTest.ENGINE
        })
class HttpsPublicUrlTest extends DeskIntegrationTest {

    static final String ENGINE = "httpsPublicUrlTest";
    private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(;|$)");

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWebappsSessionAndCsrfCookiesAreSecureAndHstsIsOn() throws Exception {
        HttpResponse<String> response = get("/camunda/app/welcome/" + ENGINE + "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(StrictTransportSecurityFilter.HEADER))
                .hasValue("max-age=31536000");
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsPattern(SECURE));
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").containsPattern(SECURE));
        assertThat(cookies).allSatisfy(c -> assertThat(c).containsPattern(SECURE));
    }

    @Test
    void theDeskApiAndDownloadLinksCarryHstsToo() throws Exception {
        assertThat(get("/api/requests").headers().firstValue(StrictTransportSecurityFilter.HEADER))
                .hasValue("max-age=31536000");
        assertThat(get("/packs/no-such-token").headers().firstValue(StrictTransportSecurityFilter.HEADER))
                .hasValue("max-age=31536000");
    }
}
