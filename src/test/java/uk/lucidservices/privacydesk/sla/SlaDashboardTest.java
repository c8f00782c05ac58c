package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/** GET /api/sla/requests: what managers see, and who may see it. */
class SlaDashboardTest extends SlaIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RequestClockService clockService;

    @Autowired
    ClockStore store;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void managersSeeEveryOpenRequestsClocksAndStatusWithoutPersonalData() throws Exception {
        Request fresh = logRequest(RequestType.SUBJECT_ACCESS, 0);
        Request nearTarget = logRequest(RequestType.ERASURE, 24);
        Request breached = logRequest(RequestType.COMPLAINT, 3);
        store.markBreached(breached.id(), SlaClock.INTERNAL_TARGET);
        Request paused = logRequest(RequestType.SUBJECT_ACCESS, 10);
        clockService.pause(paused.reference(), today().minusDays(4));
        Request extended = logRequest(RequestType.ERASURE, 2);
        clockService.extend(extended.reference(), "Complex", "mark");
        Request closed = logRequest(RequestType.SUBJECT_ACCESS, 1);
        jdbc.update("UPDATE desk.request SET closed_at = CURRENT_TIMESTAMP WHERE id = ?", closed.id());

        ResponseEntity<String> response =
                http.withBasicAuth("mark", "mark").getForEntity("/api/sla/requests", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).doesNotContain("Sam Testperson", "sam.testperson@example.com", "Please send me");
        Map<String, JsonNode> rows = rowsByReference(response.getBody());
        assertThat(rows).doesNotContainKey(closed.reference());

        // Received today, Monday 15 June (day 1): statutory deadline 15 July (30 days away), internal
        // target day 28, 12 July (27 days away).
        JsonNode green = rows.get(fresh.reference());
        assertThat(green.get("type").asText()).isEqualTo("SUBJECT_ACCESS");
        assertThat(green.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(green.get("statutoryDeadline").asText()).isEqualTo("2026-07-15");
        assertThat(green.get("statutoryDaysLeft").asLong()).isEqualTo(30);
        assertThat(green.get("internalTarget").asText()).isEqualTo("2026-07-12");
        assertThat(green.get("internalDaysLeft").asLong()).isEqualTo(27);
        assertThat(green.get("rag").asText()).isEqualTo("GREEN");
        assertThat(green.get("paused").asBoolean()).isFalse();
        assertThat(green.get("extended").asBoolean()).isFalse();
        assertThat(green.get("breached").asBoolean()).isFalse();
        assertThat(green.has("receivedAt")).isTrue();

        JsonNode amber = rows.get(nearTarget.reference());
        // Received Friday 22 May: day 28 is Thursday 18 June, 3 days away.
        assertThat(amber.get("internalDaysLeft").asLong()).isEqualTo(3);
        assertThat(amber.get("rag").asText()).isEqualTo("AMBER");

        JsonNode red = rows.get(breached.reference());
        assertThat(red.get("type").asText()).isEqualTo("COMPLAINT");
        assertThat(red.get("breached").asBoolean()).isTrue();
        assertThat(red.get("breaches")).extracting(JsonNode::asText).containsExactly("INTERNAL_TARGET");
        assertThat(red.get("rag").asText()).isEqualTo("RED");

        JsonNode stopped = rows.get(paused.reference());
        assertThat(stopped.get("paused").asBoolean()).isTrue();
        // Received Friday 5 June, four paused days so far: day 28 (2 July) + 4 is 6 July, 21 days away.
        assertThat(stopped.get("internalDaysLeft").asLong()).isEqualTo(21);

        JsonNode longer = rows.get(extended.reference());
        assertThat(longer.get("extended").asBoolean()).isTrue();
        // Received Saturday 13 June: three months is Sunday 13 September, so Monday 14 September, 91 days away.
        assertThat(longer.get("statutoryDaysLeft").asLong()).isEqualTo(91);

        // Most urgent first: red before amber before green.
        List<String> order = references(response.getBody());
        assertThat(order.indexOf(breached.reference())).isLessThan(order.indexOf(nearTarget.reference()));
        assertThat(order.indexOf(nearTarget.reference())).isLessThan(order.indexOf(fresh.reference()));
    }

    @Test
    void otherStaffAreRefused403() {
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .getForEntity("/api/sla/requests", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("chloe", "chloe")
                        .getForEntity("/api/sla/requests", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anonymousCallersAreRefused401() {
        ResponseEntity<String> anonymous = http.getForEntity("/api/sla/requests", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE))
                .isFalse();

        // The dashboard script asks with X-Requested-With: a 401 without a challenge, so no browser login box.
        HttpHeaders xhr = new HttpHeaders();
        xhr.set("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<String> script =
                http.exchange("/api/sla/requests", HttpMethod.GET, new HttpEntity<>(xhr), String.class);
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(script.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE))
                .isFalse();
    }

    @Test
    void aManagerSignedInToCockpitReadsItWithTheSessionButCannotWriteWithIt() {
        String session = cockpitSession("mark", "mark", "cockpit");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);

        ResponseEntity<String> read =
                http.exchange("/api/sla/requests", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);

        // The session opens the desk's API for reading only: no writes, and not the engine's REST API.
        ResponseEntity<String> elsewhere = http.exchange(
                "/api/requests", HttpMethod.POST, new HttpEntity<>("{}", jsonHeaders(headers)), String.class);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> engine = http.exchange(
                "/engine-rest/process-definition", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSessionOfSomeoneWhoIsNotAManagerIsRefused403() {
        String session = cockpitSession("olivia", "olivia", "tasklist");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        assertThat(http.exchange("/api/sla/requests", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Signs in through the webapps' own login, as the browser does; answers the session cookie. */
    private String cockpitSession(String user, String password, String app) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        List<HttpCookie> cookies = cookies(page);
        String csrfToken = page.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(csrfToken).as("CSRF token from the webapp").isNotNull();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", csrfToken);
        headers.set(HttpHeaders.ORIGIN, "http://localhost:" + port);
        headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        ResponseEntity<String> login = http.postForEntity(
                "/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode())
                .as("login to %s: %s", app, login.getBody())
                .isEqualTo(HttpStatus.OK);
        List<HttpCookie> afterLogin = new ArrayList<>(cookies);
        afterLogin.removeIf(
                c -> cookies(login).stream().anyMatch(n -> n.getName().equals(c.getName())));
        afterLogin.addAll(cookies(login));
        List<HttpCookie> session = afterLogin.stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .toList();
        // A browser sends the session cookie to the desk's API only if its path covers /api.
        assertThat(session).singleElement().satisfies(c -> assertThat(c.getPath())
                .isIn(null, "/"));
        return cookieHeader(session);
    }

    private static List<HttpCookie> cookies(ResponseEntity<?> response) {
        List<String> setCookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return setCookies.stream().flatMap(h -> HttpCookie.parse(h).stream()).toList();
    }

    private static String cookieHeader(List<HttpCookie> cookies) {
        return String.join(
                "; ",
                cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
    }

    private static HttpHeaders jsonHeaders(HttpHeaders base) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(base);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private Map<String, JsonNode> rowsByReference(String body) throws Exception {
        Map<String, JsonNode> rows = new HashMap<>();
        json.readTree(body).forEach(row -> rows.put(row.get("reference").asText(), row));
        return rows;
    }

    private List<String> references(String body) throws Exception {
        return StreamSupport.stream(json.readTree(body).spliterator(), false)
                .map(row -> row.get("reference").asText())
                .toList();
    }
}
