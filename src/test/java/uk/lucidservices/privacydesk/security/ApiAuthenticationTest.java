package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

class ApiAuthenticationTest extends DeskIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Test
    void engineRestAnswers401WithoutCredentialsAndWithoutAChallenge() {
        var response = http.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // No challenge: a browser shows no login box (BasicAuthenticationFilter says why).
        assertThat(response.getHeaders().containsKey("WWW-Authenticate")).isFalse();
    }

    @Test
    void engineRestAnswers200ForADemoUser() {
        var response =
                http.withBasicAuth("olivia", "olivia").getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrongPasswordIs401() {
        // Its own user, with a password the password policy accepts.
        if (identityService.createUserQuery().userId("wrongpasswordtest").count() == 0) {
            var user = identityService.newUser("wrongpasswordtest");
            user.setPassword("The-Right-Password-1");
            identityService.saveUser(user);
        }
        assertThat(identityService.checkPassword("wrongpasswordtest", "The-Right-Password-1"))
                .isTrue();
        var response = http.withBasicAuth("wrongpasswordtest", "not-the-password")
                .getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void deskApiAnswers401WithoutCredentials() {
        var response = http.getForEntity("/api/requests/SAR-2026-000001", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void prometheusMetricsNeedCredentials() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("mark", "mark")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthIsOpenForProbes() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
