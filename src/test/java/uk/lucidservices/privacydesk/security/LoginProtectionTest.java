package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Logins that cannot be abused: failed logins are throttled per client address before the
 * password is checked, browsers get no login box and cannot be made to change anything from
 * another site, the webapp session opens the desk's API for reading, and passwords are strong
 * and strongly hashed. Each test that fails logins does so from its own loopback address.
 */
class LoginProtectionTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequestRegister register;

    @Autowired
    LoginProperties login;

    @LocalServerPort
    int port;

    @Value("${camunda.bpm.admin-user.id}")
    String admin;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void anAnonymousCallerHammeringAdminsPasswordGets429AndAdminStillSignsIn() {
        RawHttp attacker = new RawHttp("127.0.0.3", port);
        Map<String, String> wrong = Map.of("Authorization", basic(admin, "not-the-password"));
        int attempts = login.throttle().attempts();
        for (int i = 0; i < attempts; i++) {
            assertThat(attacker.send("GET", "/engine-rest/user/count", wrong, null)
                            .status())
                    .as("attempt %d", i + 1)
                    .isEqualTo(401);
        }

        RawHttp.Response refused = attacker.send("GET", "/engine-rest/user/count", wrong, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // Refused before the password is checked: from that address even the right one waits.
        assertThat(attacker.send(
                                "GET",
                                "/engine-rest/user/count",
                                Map.of("Authorization", basic(admin, adminPassword)),
                                null)
                        .status())
                .isEqualTo(429);

        // Everyone else, admin included, is not locked out by the attacker's failures.
        assertThat(http.withBasicAuth(admin, adminPassword)
                        .getForEntity("/engine-rest/user/count", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theWebappLoginFormIsThrottledByAddressToo() {
        String user = ensureUser("throttleOfficer", "Sturdy-Pass-4821", DeskGroups.PRIVACY_OFFICERS);
        WebappPage page = webappPage("tasklist");
        RawHttp attacker = new RawHttp("127.0.0.4", port);
        Map<String, String> headers = Map.of(
                "Cookie",
                page.cookies(),
                "X-XSRF-TOKEN",
                page.csrfToken(),
                "Origin",
                "http://localhost:" + port,
                "Content-Type",
                MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        String wrong = form(user, "not-the-password");
        for (int i = 0; i < login.throttle().attempts(); i++) {
            assertThat(attacker.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers, wrong)
                            .status())
                    .as("attempt %d", i + 1)
                    .isEqualTo(401);
        }

        RawHttp.Response refused = attacker.send(
                "POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers, form(user, "Sturdy-Pass-4821"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(webappSession(user, "Sturdy-Pass-4821", "tasklist"))
                .as("the user signs in from elsewhere")
                .isNotBlank();
    }

    @Test
    void anEncodedLoginPathDoesNotSlipPastTheThrottle() {
        String user = ensureUser("throttleEncoded", "Sturdy-Pass-5932", DeskGroups.PRIVACY_OFFICERS);
        WebappPage page = webappPage("tasklist");
        RawHttp attacker = new RawHttp("127.0.0.5", port);
        Map<String, String> headers = Map.of(
                "Cookie",
                page.cookies(),
                "X-XSRF-TOKEN",
                page.csrfToken(),
                "Origin",
                "http://localhost:" + port,
                "Content-Type",
                MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        // The webapps' REST layer decodes "log%69n" to "login": it must count as a login attempt.
        String encoded = "/camunda/api/admin/auth/user/default/log%69n/tasklist";
        for (int i = 0; i < login.throttle().attempts(); i++) {
            assertThat(attacker.send("POST", encoded, headers, form(user, "not-the-password"))
                            .status())
                    .as("attempt %d", i + 1)
                    .isEqualTo(401);
        }

        assertThat(attacker.send("POST", encoded, headers, form(user, "Sturdy-Pass-5932"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aBrowserGetsNoLoginBoxFromTheApis() {
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        browser.set("Sec-Fetch-Mode", "navigate");
        for (String path : List.of("/api/requests/SAR-0000-000001", "/engine-rest/process-definition")) {
            ResponseEntity<String> response =
                    http.exchange(path, HttpMethod.GET, new HttpEntity<>(browser), String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE))
                    .as(path)
                    .isFalse();
        }
    }

    @Test
    void aChangeFromAnotherOriginIsRefused403WhileTheSameOriginWorks() {
        String user = ensureUser("originTester", "Origin-Check-7315", null);
        HttpHeaders sameOrigin = jsonHeaders(user, "Origin-Check-7315");
        sameOrigin.setOrigin("http://localhost:" + port);
        sameOrigin.set("Sec-Fetch-Site", "same-origin");
        HttpHeaders otherOrigin = jsonHeaders(user, "Origin-Check-7315");
        otherOrigin.setOrigin("https://attacker.example");
        HttpHeaders crossSite = jsonHeaders(user, "Origin-Check-7315");
        crossSite.set("Sec-Fetch-Site", "cross-site");

        assertThat(post("/engine-rest/task/count", sameOrigin).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/engine-rest/task/count", otherOrigin).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/engine-rest/task/count", crossSite).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/requests", otherOrigin).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // A script sends no Origin and no Sec-Fetch-Site, and passes.
        assertThat(post("/engine-rest/task/count", jsonHeaders(user, "Origin-Check-7315"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeskApiReadWorksWithTheWebappSessionSoFormsCanLinkToTheCase() {
        String user = ensureUser("sessionOfficer", "Session-Read-5190", DeskGroups.PRIVACY_OFFICERS);
        Request request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Ulla Voss")
                .email("ulla.voss@example.com")
                .loggedBy("test")
                .build());
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, webappSession(user, "Session-Read-5190", "tasklist"));

        ResponseEntity<String> read = http.exchange(
                "/api/requests/" + request.reference(), HttpMethod.GET, new HttpEntity<>(session), String.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).contains(request.reference());
        assertThat(http.exchange("/api/requests/" + request.reference(), HttpMethod.GET, HttpEntity.EMPTY, String.class)
                        .getStatusCode())
                .as("without the session")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void thePasswordPolicyRefusesAWeakNewPassword() {
        String weak = "{\"profile\":{\"id\":\"policyNewcomer\",\"firstName\":\"Vera\",\"lastName\":\"Wynn\"},"
                + "\"credentials\":{\"password\":\"vera1234\"}}";
        ResponseEntity<String> refused = http.withBasicAuth(admin, adminPassword)
                .postForEntity("/engine-rest/user/create", json(weak), String.class);
        assertThat(refused.getStatusCode().is2xxSuccessful())
                .as("weak password: %s", refused.getBody())
                .isFalse();
        assertThat(refused.getBody()).contains("does not match policy");
        assertThat(identityService.createUserQuery().userId("policyNewcomer").count())
                .isZero();

        ResponseEntity<String> accepted = http.withBasicAuth(admin, adminPassword)
                .postForEntity(
                        "/engine-rest/user/create", json(weak.replace("vera1234", "Quiet-Harbour-83")), String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.withBasicAuth("policyNewcomer", "Quiet-Harbour-83")
                        .getForEntity("/engine-rest/user/count", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aNewUsersPasswordIsHashedWithPbkdf2AndAnOldSha512HashStillVerifies() {
        ensureUser("hashNewcomer", "Amber-Lantern-62", null);
        assertThat(storedHash("hashNewcomer")).startsWith("{" + Pbkdf2PasswordEncryptor.ALGORITHM + "}");
        assertThat(http.withBasicAuth("hashNewcomer", "Amber-Lantern-62")
                        .getForEntity("/engine-rest/user/count", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // A user saved before the switch: the engine's salted SHA-512, as Camunda wrote it.
        ensureUser("legacyHashUser", "Placeholder-Pass-1", null);
        String salt =
                jdbc.queryForObject("SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, "legacyHashUser");
        String old =
                "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword("Old-Copper-Kettle-5", salt));
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?", old, "legacyHashUser");

        assertThat(http.withBasicAuth("legacyHashUser", "Old-Copper-Kettle-5")
                        .getForEntity("/engine-rest/user/count", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("legacyHashUser", "Placeholder-Pass-1")
                        .getForEntity("/engine-rest/user/count", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String storedHash(String userId) {
        return jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, userId);
    }

    private String ensureUser(String id, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Test");
            user.setLastName("Staff");
            user.setPassword(password);
            identityService.saveUser(user);
            if (group != null) {
                identityService.createMembership(id, group);
            }
        }
        return id;
    }

    private ResponseEntity<String> post(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    }

    private static HttpHeaders jsonHeaders(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(user, password);
        return headers;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String user, String password) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private record WebappPage(String cookies, String csrfToken) {}

    /** A webapp's start page, as the browser loads it before the login form: its cookies and CSRF token. */
    private WebappPage webappPage(String app) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("CSRF token from the webapp").isNotNull();
        return new WebappPage(cookieHeader(cookies(page)), token);
    }

    /** Signs in through the webapps' own login form and answers the session cookie. */
    private String webappSession(String user, String password, String app) {
        WebappPage page = webappPage(app);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", page.csrfToken());
        headers.setOrigin("http://localhost:" + port);
        headers.add(HttpHeaders.COOKIE, page.cookies());
        ResponseEntity<String> signedIn = http.postForEntity(
                "/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form(user, password), headers),
                String.class);
        assertThat(signedIn.getStatusCode()).as("login: %s", signedIn.getBody()).isEqualTo(HttpStatus.OK);
        // The webapps start a new session on login; keep the page's if they did not.
        List<HttpCookie> session = cookies(signedIn).stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .toList();
        return session.isEmpty() ? page.cookies() : cookieHeader(session);
    }

    private static List<HttpCookie> cookies(ResponseEntity<?> response) {
        return response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .flatMap(h -> HttpCookie.parse(h).stream())
                .toList();
    }

    private static String cookieHeader(List<HttpCookie> cookies) {
        return String.join(
                "; ",
                cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
    }
}
