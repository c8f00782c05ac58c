package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class HttpsPublicUrlSettingsTest {

    @Test
    void anHttpsAddressMakesCookiesSecureAndTurnsHstsOn() {
        var env = ProductionSettings.environment(Map.of("DESK_PUBLIC_URL", "https://privacy.example.co.uk"));
        new HttpsPublicUrl().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(env.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie"))
                .isEqualTo("true");
        assertThat(env.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie"))
                .isEqualTo("true");
        assertThat(env.getProperty(HttpsPublicUrl.HSTS_ENABLED)).isEqualTo("true");
    }

    @Test
    void anHttpAddressLeavesThemAlone() {
        var env = ProductionSettings.environment(Map.of("DESK_PUBLIC_URL", "http://localhost:8080"));
        new HttpsPublicUrl().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isNull();
        assertThat(env.getProperty(HttpsPublicUrl.HSTS_ENABLED)).isNull();
    }
}
